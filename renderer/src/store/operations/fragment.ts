// Copy and paste: a fragment is a set of nodes with the edges among them, carried as JSON text on
// the system clipboard so that it also pastes into another flow (another window, another file).
import { z } from 'zod';
import { Edge, FlowNode } from '../../../../flows/schema';
import type { DesignerDocument } from '../designerDocument';
import { freshId, keysOf } from '../ids';
import { addNodes } from './nodes';

export const FRAGMENT_FORMAT = 'threadline.fragment';

export const Fragment = z.strictObject({
  format: z.literal(FRAGMENT_FORMAT),
  nodes: z.array(FlowNode),
  edges: z.array(Edge),
});
export type Fragment = z.infer<typeof Fragment>;

export function copyFragment(doc: DesignerDocument, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds);
  const nodes = doc.nodeOrder.filter((id) => ids.has(id)).flatMap((id) => doc.nodes[id] ?? []);
  const edges = doc.edgeOrder
    .flatMap((id) => doc.edges[id] ?? [])
    .filter((e) => ids.has(e.source) && ids.has(e.target));
  return { format: FRAGMENT_FORMAT, nodes, edges };
}

/** Reads clipboard text; null when it is not a fragment (plain text pastes nothing). */
export function parseFragment(text: string): Fragment | null {
  try {
    const result = Fragment.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * Adds the fragment with fresh node and edge ids, shifted by `offset`. Edges and `goto` targets
 * inside the fragment follow the new ids; a `goto` to a node outside keeps its target.
 */
export function pasteFragment(
  doc: DesignerDocument,
  fragment: Fragment,
  offset: { x: number; y: number },
): { doc: DesignerDocument; nodeIds: string[] } {
  const taken = new Set(Object.keys(doc.nodes));
  const newIds = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = freshId('n', taken);
    taken.add(id);
    newIds.set(node.id, id);
  }
  const nodes = fragment.nodes.map((node): FlowNode => {
    const moved = {
      ...node,
      id: newIds.get(node.id) ?? node.id,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
    if (moved.type === 'goto' && newIds.has(moved.data.target)) {
      return { ...moved, data: { target: newIds.get(moved.data.target) ?? moved.data.target } };
    }
    return moved;
  });
  let next = addNodes(doc, nodes);
  const edges: Record<string, Edge> = { ...next.edges };
  const edgeOrder = [...next.edgeOrder];
  for (const edge of fragment.edges) {
    const source = newIds.get(edge.source);
    const target = newIds.get(edge.target);
    if (!source || !target) continue;
    const id = freshId('e', keysOf(edges));
    edges[id] = { id, source, sourceHandle: edge.sourceHandle, target };
    edgeOrder.push(id);
  }
  next = { ...next, edges, edgeOrder };
  return { doc: next, nodeIds: [...newIds.values()] };
}
