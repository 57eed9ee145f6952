import type { Command } from './command';

export const showHelp: Command = {
  id: 'help',
  label: 'Keyboard shortcuts',
  shortcuts: ['?', 'F1'],
  history: 'none',
  perform: ({ ui }) => ui.getState().set({ helpOpen: !ui.getState().helpOpen }),
};
