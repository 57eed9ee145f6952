import { useStoreApi, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect } from 'react';
import { useDesignerContext } from '../../designer/DesignerContext';

// Nodes drawn for the first time this frame, measured together: one canvas update per frame, not
// one per node (which makes opening a large flow quadratic).
const pending = new Set<string>();
let frame = 0;

/**
 * Measures a node the first time it is drawn in full (zoomed far out it has no handles to
 * measure, see NodeFrame). Until then React Flow has estimated handles and
 * size for it (store/estimatedHandles) and would never measure it on its own.
 */
export function useMeasureOnMount(id: string, drawnInFull: boolean) {
  const { store } = useDesignerContext();
  const updateNodeInternals = useUpdateNodeInternals();
  // Not useReactFlow: per node, its helper object and viewport subscription cost more than the
  // lookup needs.
  const flowStore = useStoreApi();
  useEffect(() => {
    if (!drawnInFull || store.getState().measured[id]) return;
    pending.add(id);
    // Drawn simple (zoomed out) or gone before the frame: nothing to measure, and measuring the
    // simple drawing would find no handles.
    const cancel = () => void pending.delete(id);
    if (frame) return cancel;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ids = [...pending];
      pending.clear();
      updateNodeInternals(ids);
      // React Flow reports only sizes that differ from the estimate; record the rest too, so the
      // estimated handles are dropped and the measured ones kept.
      const sizes = new Map<string, { width: number; height: number }>();
      for (const nodeId of ids) {
        const measured = flowStore.getState().nodeLookup.get(nodeId)?.measured;
        if (measured?.width && measured.height)
          sizes.set(nodeId, { width: measured.width, height: measured.height });
      }
      store.getState().setMeasured(sizes);
    });
    return cancel;
  }, [id, drawnInFull, store, updateNodeInternals, flowStore]);
}
