import type { Command } from './command';

export const newFile: Command = {
  id: 'newFile',
  label: 'New flow',
  shortcuts: ['Mod+N'],
  history: 'own',
  perform: ({ files }) => files?.newFlow(),
};
