// Builds the ELK graph for auto-layout from the document and reads positions back. Pure, so it is
// tested without a worker; the worker only runs ELK.
import type { DesignerDocument } from '../store/designerDocument';

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

const DEFAULT_SIZE = { width: 240, height: 120 };

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
    children: doc.nodeOrder.map((id) => ({ id, ...(measured[id] ?? DEFAULT_SIZE) })),
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
