import { useReactFlow, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect } from 'react';
import { useDesignerContext } from '../../designer/DesignerContext';

// Nodes drawn for the first time this frame, measured together: one canvas update per frame, not
// one per node (which makes opening a large flow quadratic).
const pending = new Set<string>();
let frame = 0;

/**
 * Measures a node the first time it is drawn. Until then React Flow has estimated handles and
 * size for it (store/estimatedHandles) and would never measure it on its own.
 */
export function useMeasureOnMount(id: string) {
  const { store } = useDesignerContext();
  const updateNodeInternals = useUpdateNodeInternals();
  const flow = useReactFlow();
  useEffect(() => {
    if (store.getState().measured[id]) return;
    pending.add(id);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ids = [...pending];
      pending.clear();
      updateNodeInternals(ids);
      // React Flow reports only sizes that differ from the estimate; record the rest too, so the
      // estimated handles are dropped and the measured ones kept.
      const sizes = new Map<string, { width: number; height: number }>();
      for (const nodeId of ids) {
        const measured = flow.getInternalNode(nodeId)?.measured;
        if (measured?.width && measured.height)
          sizes.set(nodeId, { width: measured.width, height: measured.height });
      }
      store.getState().setMeasured(sizes);
    });
  }, [id, store, updateNodeInternals, flow]);
}
