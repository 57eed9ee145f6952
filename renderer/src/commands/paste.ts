import { parseFragment, pasteFragment, type Fragment } from '../store/operations/fragment';
import type { Command, DocumentEdit } from './command';

const OFFSET = 40;

/** Adds the fragment shifted by an offset and selects what was added. */
export function insertFragment(fragment: Fragment): DocumentEdit {
  return (doc) => {
    const result = pasteFragment(doc, fragment, { x: OFFSET, y: OFFSET });
    return { doc: result.doc, select: result.nodeIds };
  };
}

export const paste: Command = {
  id: 'paste',
  label: 'Paste',
  shortcuts: ['Mod+V'],
  history: 'step',
  perform: async ({ clipboard }) => {
    const fragment = parseFragment(await clipboard.read());
    return fragment ? insertFragment(fragment) : null;
  },
};
