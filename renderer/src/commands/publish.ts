import type { Command } from './command';

/** Opens the publish dialog (runtime address, admin token, then lint, compile and upload). */
export const publish: Command = {
  id: 'publish',
  label: 'Publish',
  shortcuts: ['Mod+Shift+P'],
  history: 'none',
  perform: ({ ui }) => ui.getState().set({ publishOpen: true }),
};
