import type { Command } from './command';

export const simulate: Command = {
  id: 'simulate',
  label: 'Simulate',
  shortcuts: ['Mod+R'],
  history: 'none',
  perform: ({ ui }) => ui.getState().set({ simulatorOpen: !ui.getState().simulatorOpen }),
};
