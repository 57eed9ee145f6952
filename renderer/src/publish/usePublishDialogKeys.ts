import { useEffect } from 'react';

/**
 * Escape closes the publish dialog and Enter confirms it. Enter on a button or in the connection
 * form is left to them (a button clicks itself, the form submits).
 */
export function usePublishDialogKeys(open: boolean, onEscape: () => void, onEnter: () => void) {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onEscape();
      } else if (event.key === 'Enter' && !ownsEnter(event.target)) {
        event.preventDefault();
        onEnter();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, onEscape, onEnter]);
}

function ownsEnter(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (['BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'A'].includes(target.tagName) ||
      target.isContentEditable)
  );
}
