import { useEffect } from 'react';

/**
 * While the publish dialog is open: Escape closes it, Enter confirms it (Enter on a button or in
 * the connection form is left to them), and the designer's own shortcuts (Delete, Ctrl+Z, ...)
 * are held back so that nothing changes the flow behind a modal dialog. Listens in the capture
 * phase, before the designer's shortcut listener, which skips events already handled.
 */
export function usePublishDialogKeys(open: boolean, onEscape: () => void, onEnter: () => void) {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const inField = isEditable(event.target);
      if (event.key === 'Escape') {
        event.preventDefault();
        onEscape();
      } else if (event.key === 'Enter') {
        if (inField || isButton(event.target)) return;
        event.preventDefault();
        onEnter();
      } else if (!inField && (isEditKey(event) || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [open, onEscape, onEnter]);
}

const isEditKey = (event: KeyboardEvent) =>
  event.key === 'Delete' || event.key === 'Backspace' || event.key === '?' || event.key === 'F1';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)
  );
}

function isButton(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A'].includes(target.tagName);
}
