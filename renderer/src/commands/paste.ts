import { parseFragment, pasteFragment, type Fragment } from '../store/operations/fragment';
import type { DesignerStore } from '../store/designerStore';
import type { Command } from './command';

const OFFSET = 40;

/** Adds the fragment shifted by an offset, as one undo step, and selects what was added. */
export function insertFragment(store: DesignerStore, fragment: Fragment): string[] {
  let added: string[] = [];
  store.getState().change(
    (doc) => {
      const result = pasteFragment(doc, fragment, { x: OFFSET, y: OFFSET });
      added = result.nodeIds;
      return result.doc;
    },
    { kind: 'push' },
  );
  store.getState().select(added);
  return added;
}

export const paste: Command = {
  id: 'paste',
  label: 'Paste',
  shortcuts: ['Mod+V'],
  history: 'step',
  perform: async ({ store, clipboard }) => {
    const fragment = parseFragment(await clipboard.read());
    if (fragment) insertFragment(store, fragment);
  },
};
