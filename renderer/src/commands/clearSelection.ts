import type { Command } from './command';

export const clearSelection: Command = {
  id: 'clearSelection',
  label: 'Select nothing (show flow settings)',
  shortcuts: ['Escape'],
  history: 'none',
  perform: ({ store, ui }) => {
    ui.getState().set({ connectMenu: null });
    store.getState().select([]);
  },
};
