import { copyFragment } from '../store/operations/fragment';
import type { Command, CommandContext } from './command';

/** Puts the selected nodes (and the edges among them) on the clipboard as JSON text. */
export async function copySelection({ store, clipboard }: CommandContext): Promise<boolean> {
  const { doc, selection } = store.getState();
  if (selection.nodes.size === 0) return false;
  await clipboard.write(JSON.stringify(copyFragment(doc, selection.nodes), null, 2));
  return true;
}

export const copy: Command = {
  id: 'copy',
  label: 'Copy',
  shortcuts: ['Mod+C'],
  history: 'none',
  perform: async (ctx) => {
    await copySelection(ctx);
  },
};
