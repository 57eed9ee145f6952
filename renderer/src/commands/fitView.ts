import type { Command } from './command';

export const fitView: Command = {
  id: 'fitView',
  label: 'Fit view',
  shortcuts: ['Shift+1'],
  history: 'none',
  perform: ({ view }) => view?.fit(),
};
