import { removeElements } from '../store/operations/nodes';
import type { Command } from './command';
import { copySelection } from './copy';

export const cut: Command = {
  id: 'cut',
  label: 'Cut',
  shortcuts: ['Mod+X'],
  history: 'step',
  perform: async (ctx) => {
    const { nodes } = ctx.store.getState().selection;
    if (!(await copySelection(ctx))) return null;
    return (doc) => ({ doc: removeElements(doc, nodes), select: [] });
  },
};
