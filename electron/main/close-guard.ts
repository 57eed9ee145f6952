// Closing with unsaved changes asks first. The renderer reports dirtiness (window.setDirty);
// "Save" asks the renderer to save and closes once it reports clean.
export type CloseAnswer = 'save' | 'discard' | 'cancel';

export interface CloseGuard {
  setDirty(dirty: boolean): void;
  /** Call from the window's `close` event. */
  onClose(event: { preventDefault(): void }): void;
}

export function createCloseGuard(deps: {
  ask(): Promise<CloseAnswer>;
  requestSave(): void;
  close(): void;
}): CloseGuard {
  let dirty = false;
  let allowClose = false;
  let closeAfterSave = false;

  const closeNow = () => {
    allowClose = true;
    deps.close();
  };

  return {
    setDirty(next) {
      dirty = next;
      // A save that failed or was cancelled leaves the document dirty: then we stay open.
      if (next) closeAfterSave = false;
      else if (closeAfterSave) closeNow();
    },
    onClose(event) {
      if (!dirty || allowClose) return;
      event.preventDefault();
      void deps.ask().then((answer) => {
        if (answer === 'discard') closeNow();
        else if (answer === 'save') {
          closeAfterSave = true;
          deps.requestSave();
        }
      });
    },
  };
}
