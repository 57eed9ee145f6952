import { MiniMap, type Node } from '@xyflow/react';
import { startTransition, useEffect, useState } from 'react';
import { useDesigner } from '../hooks/useDesigner';
import { NODE_CATALOG } from '../nodeTypes/catalog';

const minimapColor = (node: Node) =>
  `var(--tl-${NODE_CATALOG[node.type as keyof typeof NODE_CATALOG]?.group.toLowerCase() ?? 'flow'})`;

/**
 * The minimap, drawn the frame after a newly opened flow's nodes: it draws every node (2,000
 * rects on a large flow, where the canvas draws only the visible ones), which would otherwise
 * hold back the canvas's first paint. Mounted in a transition, so it never blocks input either.
 */
export function LazyMiniMap() {
  const loads = useDesigner((s) => s.loads);
  const [shownFor, setShownFor] = useState(-1);
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setShownFor(loads)));
    return () => cancelAnimationFrame(frame);
  }, [loads]);
  if (shownFor !== loads) return null;
  return <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Mini map" />;
}
