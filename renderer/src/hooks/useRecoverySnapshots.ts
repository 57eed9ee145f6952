import { useEffect } from 'react';
import type { HostApi } from '../../../electron/host-api';
import { serializeFlowDocument } from '../../../flows';
import { useDesignerContext } from '../designer/DesignerContext';
import { toFlowDocument } from '../store/designerDocument';
import { isDirty } from '../store/designerStore';

export const SNAPSHOT_INTERVAL_MS = 3000;

/** Every few seconds, hands unsaved edits to the host so that a crash loses at most those seconds. */
export function useRecoverySnapshots(host: HostApi) {
  const { store } = useDesignerContext();
  useEffect(() => {
    let lastSnapshot = store.getState().doc;
    const timer = setInterval(() => {
      const state = store.getState();
      if (!isDirty(state) || state.doc === lastSnapshot) return;
      lastSnapshot = state.doc;
      const text = serializeFlowDocument(toFlowDocument(state.doc));
      void host.recovery.snapshot({ path: state.file.path, text }).catch(() => undefined);
    }, SNAPSHOT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [host, store]);
}
