import type { Command } from './command';

export const selectAll: Command = {
  id: 'selectAll',
  label: 'Select all',
  shortcuts: ['Mod+A'],
  history: 'none',
  perform: ({ store }) => {
    const { doc, select } = store.getState();
    select(doc.nodeOrder, doc.edgeOrder);
  },
};
