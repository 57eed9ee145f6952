import type { Command } from './command';

export const zoomOut: Command = {
  id: 'zoomOut',
  label: 'Zoom out',
  shortcuts: ['Mod+-'],
  history: 'none',
  perform: ({ view }) => view?.zoomOut(),
};
