import type { Command } from './command';

export const saveFile: Command = {
  id: 'saveFile',
  label: 'Save',
  shortcuts: ['Mod+S'],
  history: 'none',
  perform: ({ files }) => files?.save(),
};
