import type { Command } from './command';

export const toggleProblems: Command = {
  id: 'toggleProblems',
  label: 'Problems',
  shortcuts: ['Mod+Shift+M'],
  history: 'none',
  perform: ({ ui }) => ui.getState().set({ problemsOpen: !ui.getState().problemsOpen }),
};
