import { useMemo } from 'react';
import { useDesigner } from '../hooks/useDesigner';
import { createEdgeDeriver, createNodeDeriver } from '../store/flowElements';

/** React Flow's nodes and edges, derived with identity kept (see store/flowElements). */
export function useCanvasElements() {
  const deriveNodes = useMemo(() => createNodeDeriver(), []);
  const deriveEdges = useMemo(() => createEdgeDeriver(), []);
  const nodes = useDesigner((s) => deriveNodes(s.doc, s.selection, s.measured));
  const edges = useDesigner((s) => deriveEdges(s.doc, s.selection));
  return { nodes, edges };
}
