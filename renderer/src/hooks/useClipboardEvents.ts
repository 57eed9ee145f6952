import { useEffect } from 'react';
import type { CommandContext } from '../commands/command';
import { copy } from '../commands/copy';
import { cut } from '../commands/cut';
import { paste } from '../commands/paste';
import { runCommand } from '../commands/runCommand';
import { useDesignerContext } from '../designer/DesignerContext';
import { parseFragment } from '../store/operations/fragment';
import { isEditable, modalOpen } from './useShortcuts';

/**
 * Copy, cut and paste of nodes as JSON text on the system clipboard, through the DOM clipboard
 * events that both the keyboard and Electron's native Edit menu produce. They run the copy, cut
 * and paste commands through runCommand (which records cut and paste as one undo step each), with
 * the event's clipboard data as the clipboard. In a text field the events are left to the field.
 */
export function useClipboardEvents() {
  const context = useDesignerContext();
  useEffect(() => {
    // The commands read and write the clipboard before their first await, so while the event is
    // still being dispatched, as clipboardData requires.
    const withEventClipboard = (event: ClipboardEvent): CommandContext => ({
      ...context,
      get view() {
        return context.view;
      },
      clipboard: {
        read: async () => event.clipboardData?.getData('text/plain') ?? '',
        write: async (text) => event.clipboardData?.setData('text/plain', text),
      },
    });
    const takeCopy = (event: ClipboardEvent): boolean => {
      const { selection } = context.store.getState();
      if (
        isEditable(event.target) ||
        modalOpen() ||
        selection.nodes.size === 0 ||
        !event.clipboardData
      )
        return false;
      event.preventDefault();
      return true;
    };
    const onCopy = (event: ClipboardEvent) => {
      if (takeCopy(event)) void runCommand(withEventClipboard(event), copy);
    };
    const onCut = (event: ClipboardEvent) => {
      if (takeCopy(event)) void runCommand(withEventClipboard(event), cut);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || modalOpen()) return;
      if (!parseFragment(event.clipboardData?.getData('text/plain') ?? '')) return;
      event.preventDefault();
      void runCommand(withEventClipboard(event), paste);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [context]);
}
