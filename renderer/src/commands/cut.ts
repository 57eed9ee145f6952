import { removeElements } from '../store/operations/nodes';
import type { Command } from './command';
import { copySelection } from './copy';

export const cut: Command = {
  id: 'cut',
  label: 'Cut',
  shortcuts: ['Mod+X'],
  history: 'step',
  perform: async (ctx) => {
    if (!(await copySelection(ctx))) return;
    const { selection, change, select } = ctx.store.getState();
    change((doc) => removeElements(doc, selection.nodes), { kind: 'push' });
    select([]);
  },
};
