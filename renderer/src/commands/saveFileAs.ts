import type { Command } from './command';

export const saveFileAs: Command = {
  id: 'saveFileAs',
  label: 'Save as…',
  shortcuts: ['Mod+Shift+S'],
  history: 'none',
  perform: ({ files }) => files?.saveAs(),
};
