import type { Command } from './command';

export const search: Command = {
  id: 'search',
  label: 'Search nodes',
  shortcuts: ['Mod+F'],
  history: 'none',
  perform: ({ ui }) => ui.getState().set({ searchOpen: true }),
};
