import type { Command } from './command';

export const redo: Command = {
  id: 'redo',
  label: 'Redo',
  shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
  history: 'own',
  perform: ({ store }) => store.getState().redo(),
};
