// Builds the ELK graph for auto-layout from the document and reads positions back. Pure, so it is
// tested without a worker; the worker only runs ELK.
import type { DesignerDocument } from '../store/designerDocument';
import { estimateNodeSize } from './estimateSize';

export interface ElkNode {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export interface ElkGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkNode[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export function buildElkGraph(
  doc: DesignerDocument,
  measured: Readonly<Record<string, { width: number; height: number }>>,
): ElkGraph {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: doc.nodeOrder.flatMap((id) => {
      const node = doc.nodes[id];
      if (!node) return [];
      // Sizes measured while zoomed far out are of the simplified drawing (header only): never
      // lay out with less than the estimate of the full node.
      const estimate = estimateNodeSize(node);
      const size = measured[id];
      return [
        {
          id,
          width: Math.max(size?.width ?? 0, estimate.width),
          height: Math.max(size?.height ?? 0, estimate.height),
        },
      ];
    }),
    edges: doc.edgeOrder.flatMap((id) => {
      const e = doc.edges[id];
      return e && doc.nodes[e.source] && doc.nodes[e.target]
        ? [{ id, sources: [e.source], targets: [e.target] }]
        : [];
    }),
  };
}

/** Positions from a laid-out graph, snapped to the 16 px grid. */
export function layoutPositions(graph: {
  children?: ElkNode[];
}): Map<string, { x: number; y: number }> {
  const snap = (v: number) => Math.round(v / 16) * 16;
  return new Map(
    (graph.children ?? []).map((n) => [n.id, { x: snap(n.x ?? 0), y: snap(n.y ?? 0) }]),
  );
}
