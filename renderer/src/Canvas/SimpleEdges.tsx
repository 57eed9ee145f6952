// Zoomed far out, the edges are drawn here instead of by React Flow: one <svg> with a <path> per
// edge, shaped exactly as React Flow's smoothstep edges and ending on the same handles. React
// Flow draws each edge as its own <svg> with two canvas subscriptions; with 2,800 edges on screen
// those made every drag frame twice as expensive as the nodes themselves. Here one subscription
// recomputes only the edges of nodes that changed, and paths are grouped so that a frame
// re-renders only the groups holding them. No arrowheads: at this zoom they are under a pixel.
import {
  getSmoothStepPath,
  Position,
  useStore,
  ViewportPortal,
  type InternalNode,
  type ReactFlowState,
} from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import type { CanvasEdge } from '../store/flowElements';

const GROUP = 64;

interface EdgePath {
  id: string;
  d: string;
}

type Group = readonly EdgePath[];

type Bounds = NonNullable<InternalNode['internals']['handleBounds']>;

/** Where an edge leaves or enters a node, as React Flow computes it (getHandlePosition). */
function handlePoint(
  node: InternalNode,
  kind: keyof Bounds,
  handleId: string,
): { x: number; y: number; position: Position } | null {
  const bounds = node.internals.handleBounds?.[kind];
  const handle = bounds?.find((h) => h.id === handleId);
  if (!handle) return null;
  const x = node.internals.positionAbsolute.x + handle.x;
  const y = node.internals.positionAbsolute.y + handle.y;
  const { width, height, position } = handle;
  switch (position) {
    case Position.Top:
      return { x: x + width / 2, y, position };
    case Position.Right:
      return { x: x + width, y: y + height / 2, position };
    case Position.Bottom:
      return { x: x + width / 2, y: y + height, position };
    case Position.Left:
      return { x, y: y + height / 2, position };
  }
}

function edgePath(edge: CanvasEdge, source: InternalNode, target: InternalNode): string | null {
  const from = handlePoint(source, 'source', edge.sourceHandle);
  const to = handlePoint(target, 'target', edge.targetHandle);
  if (!from || !to) return null;
  return getSmoothStepPath({
    sourceX: from.x,
    sourceY: from.y,
    sourcePosition: from.position,
    targetX: to.x,
    targetY: to.y,
    targetPosition: to.position,
  })[0];
}

/**
 * Paths for the edges, grouped, with every path and group kept (same object) while its edge and
 * both of its nodes are: React Flow replaces a node's record only when the node changed.
 */
export function createEdgeGrouper() {
  const cache = new Map<
    string,
    { edge: CanvasEdge; source: InternalNode; target: InternalNode; path: EdgePath | null }
  >();
  let groups: Group[] = [];
  return (edges: readonly CanvasEdge[], nodeLookup: ReadonlyMap<string, InternalNode>): Group[] => {
    const next: Group[] = [];
    let changed = false;
    for (let start = 0; start < edges.length; start += GROUP) {
      const previous = groups[next.length];
      const paths: EdgePath[] = [];
      let groupChanged = false;
      for (const edge of edges.slice(start, start + GROUP)) {
        const source = nodeLookup.get(edge.source);
        const target = nodeLookup.get(edge.target);
        if (!source || !target) continue;
        let hit = cache.get(edge.id);
        if (!hit || hit.edge !== edge || hit.source !== source || hit.target !== target) {
          const d = edgePath(edge, source, target);
          const same = hit?.path && d === hit.path.d;
          hit = { edge, source, target, path: same ? hit!.path : d ? { id: edge.id, d } : null };
          cache.set(edge.id, hit);
        }
        if (!hit.path) continue;
        if (previous?.[paths.length] !== hit.path) groupChanged = true;
        paths.push(hit.path);
      }
      if (!previous || previous.length !== paths.length) groupChanged = true;
      next.push(groupChanged ? paths : previous!);
      changed ||= groupChanged;
    }
    if (!changed && next.length === groups.length) return groups;
    if (cache.size > edges.length * 2) {
      const ids = new Set(edges.map((e) => e.id));
      for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id);
    }
    groups = next;
    return groups;
  };
}

const EdgeGroup = memo(function EdgeGroup({ group }: { group: Group }) {
  return group.map((path) => <path key={path.id} data-edge-id={path.id} d={path.d} />);
});

export function SimpleEdges({ edges }: { edges: readonly CanvasEdge[] }) {
  const group = useMemo(() => createEdgeGrouper(), []);
  const select = useCallback((s: ReactFlowState) => group(edges, s.nodeLookup), [group, edges]);
  const groups = useStore(select);
  return (
    <ViewportPortal>
      <svg className="tl-simple-edges" aria-hidden>
        {groups.map((g, i) => (
          <EdgeGroup key={i} group={g} />
        ))}
      </svg>
    </ViewportPortal>
  );
}
