import { copyFragment } from '../store/operations/fragment';
import type { Command } from './command';
import { insertFragment } from './paste';

export const duplicate: Command = {
  id: 'duplicate',
  label: 'Duplicate',
  shortcuts: ['Mod+D'],
  history: 'step',
  perform: ({ store }) => {
    const { doc, selection } = store.getState();
    return selection.nodes.size > 0 ? insertFragment(copyFragment(doc, selection.nodes)) : null;
  },
};
