import { useEffect } from 'react';
import type { HostApi } from '../../../electron/host-api';
import { serializeFlowDocument } from '../../../flows';
import { useDesignerContext } from '../designer/DesignerContext';
import { toFlowDocument, type DesignerDocument } from '../store/designerDocument';
import { isDirty, type DesignerState } from '../store/designerStore';

export const SNAPSHOT_INTERVAL_MS = 3000;

/**
 * Whether the document needs a new snapshot: unsaved, changed since the last one, and not in the
 * middle of a gesture. A drag changes the document every frame, and serialising a large flow
 * mid-drag would drop frames; the first tick after the drag takes the snapshot instead.
 */
export function snapshotDue(state: DesignerState, lastSnapshot: DesignerDocument): boolean {
  return isDirty(state) && state.doc !== lastSnapshot && state.history.gestureBase === null;
}

/** Every few seconds, hands unsaved edits to the host so that a crash loses at most those seconds. */
export function useRecoverySnapshots(host: HostApi) {
  const { store } = useDesignerContext();
  useEffect(() => {
    let lastSnapshot = store.getState().doc;
    const timer = setInterval(() => {
      const state = store.getState();
      if (!snapshotDue(state, lastSnapshot)) return;
      lastSnapshot = state.doc;
      const text = serializeFlowDocument(toFlowDocument(state.doc));
      void host.recovery.snapshot({ path: state.file.path, text }).catch(() => undefined);
    }, SNAPSHOT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [host, store]);
}
