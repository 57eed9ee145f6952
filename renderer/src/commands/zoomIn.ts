import type { Command } from './command';

export const zoomIn: Command = {
  id: 'zoomIn',
  label: 'Zoom in',
  shortcuts: ['Mod+='],
  history: 'none',
  perform: ({ view }) => view?.zoomIn(),
};
