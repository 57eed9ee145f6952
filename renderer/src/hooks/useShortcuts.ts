import { useEffect } from 'react';
import { COMMANDS } from '../commands/registry';
import { runCommand } from '../commands/runCommand';
import { matchesShortcut } from '../commands/shortcut';
import { useDesignerContext } from '../designer/DesignerContext';
import { isMacPlatform } from './useIsMac';

// Clipboard shortcuts come as DOM copy/cut/paste events (useClipboardEvents), so that the
// Electron menu's native roles and the keyboard take the same path.
const VIA_CLIPBOARD_EVENTS = new Set(['copy', 'cut', 'paste']);
// In a text field these keys belong to the field (F1, Ctrl+Z, Ctrl+S and the rest still work).
const TEXT_SHORTCUTS = new Set([
  '?',
  'Delete',
  'Backspace',
  'Mod+A',
  'Mod+D',
  'Shift+1',
  'Escape',
  'Shift+F10',
  'ContextMenu',
]);

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A modal dialog is open: the designer behind it takes no shortcuts, pastes or undos. */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** Keyboard shortcuts for every command, dispatched like toolbar buttons and menus. */
export function useShortcuts() {
  const context = useDesignerContext();
  useEffect(() => {
    const mac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || modalOpen()) return;
      const inText = isEditable(event.target);
      for (const command of COMMANDS) {
        if (VIA_CLIPBOARD_EVENTS.has(command.id)) continue;
        const shortcut = command.shortcuts.find((s) => matchesShortcut(event, s, mac));
        if (!shortcut) continue;
        if (inText && TEXT_SHORTCUTS.has(shortcut)) return;
        event.preventDefault();
        void runCommand(context, command);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [context]);
}
