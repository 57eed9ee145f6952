// Connecting two nodes. A handle has at most one edge (docs/format.md §1), so a new edge from a handle
// replaces the old one.
import { hasInputHandle } from '../../../../flows';
import type { Edge } from '../../../../flows/schema';
import type { DesignerDocument } from '../designerDocument';
import { freshId, keysOf } from '../ids';
import { removeEdges } from './nodes';

export interface Connection {
  source: string;
  sourceHandle: string;
  target: string;
}

export function canConnect(doc: DesignerDocument, c: Connection): boolean {
  const target = doc.nodes[c.target];
  if (!doc.nodes[c.source] || !target) return false;
  return hasInputHandle(target.type);
}

export function connect(
  doc: DesignerDocument,
  c: Connection,
): { doc: DesignerDocument; edge: Edge | null } {
  if (!canConnect(doc, c)) return { doc, edge: null };
  const replaced = doc.edgeOrder.filter((id) => {
    const e = doc.edges[id];
    return e?.source === c.source && e.sourceHandle === c.sourceHandle;
  });
  const without = removeEdges(doc, replaced);
  const edge: Edge = { id: freshId('e', keysOf(without.edges)), ...c };
  return {
    edge,
    doc: {
      ...without,
      edges: { ...without.edges, [edge.id]: edge },
      edgeOrder: [...without.edgeOrder, edge.id],
    },
  };
}
