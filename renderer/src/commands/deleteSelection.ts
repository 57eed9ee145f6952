import { removeElements } from '../store/operations/nodes';
import type { Command } from './command';

export const deleteSelection: Command = {
  id: 'delete',
  label: 'Delete',
  shortcuts: ['Delete', 'Backspace'],
  history: 'step',
  perform: ({ store }) => {
    const { selection } = store.getState();
    return (doc) => ({ doc: removeElements(doc, selection.nodes, selection.edges), select: [] });
  },
};
