import type { Command } from './command';

export const openFile: Command = {
  id: 'openFile',
  label: 'Open…',
  shortcuts: ['Mod+O'],
  history: 'own',
  perform: ({ files }) => files?.open(),
};
