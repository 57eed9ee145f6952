import type { Command } from './command';

export const undo: Command = {
  id: 'undo',
  label: 'Undo',
  shortcuts: ['Mod+Z'],
  history: 'own',
  perform: ({ store }) => store.getState().undo(),
};
