import { useEffect } from 'react';
import { insertFragment } from '../commands/paste';
import { useDesignerContext } from '../designer/DesignerContext';
import { copyFragment, parseFragment } from '../store/operations/fragment';
import { removeElements } from '../store/operations/nodes';
import { isEditable } from './useShortcuts';

/**
 * Copy, cut and paste of nodes as JSON text on the system clipboard, through the DOM clipboard
 * events that both the keyboard and Electron's native Edit menu produce. In a text field the
 * events are left to the field.
 */
export function useClipboardEvents() {
  const { store } = useDesignerContext();
  useEffect(() => {
    const write = (event: ClipboardEvent): boolean => {
      const { doc, selection } = store.getState();
      if (isEditable(event.target) || selection.nodes.size === 0 || !event.clipboardData)
        return false;
      event.clipboardData.setData(
        'text/plain',
        JSON.stringify(copyFragment(doc, selection.nodes), null, 2),
      );
      event.preventDefault();
      return true;
    };
    const onCopy = (event: ClipboardEvent) => void write(event);
    const onCut = (event: ClipboardEvent) => {
      if (!write(event)) return;
      const { selection, change, select } = store.getState();
      change((doc) => removeElements(doc, selection.nodes), { kind: 'push' });
      select([]);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target)) return;
      const fragment = parseFragment(event.clipboardData?.getData('text/plain') ?? '');
      if (!fragment) return;
      event.preventDefault();
      insertFragment(store, fragment);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
