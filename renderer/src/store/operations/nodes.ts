// Pure edits of the designer document's nodes. Each returns a new document that shares every
// untouched record with the old one.
import { outputHandles, type FlowNode } from '../../../../flows/schema';
import type { DesignerDocument } from '../designerDocument';

export function addNodes(doc: DesignerDocument, nodes: readonly FlowNode[]): DesignerDocument {
  if (nodes.length === 0) return doc;
  const added = Object.fromEntries(nodes.map((n) => [n.id, n]));
  return {
    ...doc,
    nodes: { ...doc.nodes, ...added },
    nodeOrder: [...doc.nodeOrder, ...nodes.map((n) => n.id)],
  };
}

/** Replaces one node; edges that left through handles the node no longer has are removed. */
export function replaceNode(doc: DesignerDocument, node: FlowNode): DesignerDocument {
  const old = doc.nodes[node.id];
  if (!old || old === node) return doc;
  const next = { ...doc, nodes: { ...doc.nodes, [node.id]: node } };
  if (old.data === node.data) return next;
  const handles = new Set(outputHandles(node));
  const stale = next.edgeOrder.filter((id) => {
    const edge = next.edges[id];
    return edge?.source === node.id && !handles.has(edge.sourceHandle);
  });
  return stale.length ? removeEdges(next, stale) : next;
}

export function moveNodes(
  doc: DesignerDocument,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): DesignerDocument {
  let nodes: Record<string, FlowNode> | null = null;
  for (const [id, position] of positions) {
    const node = doc.nodes[id];
    if (!node || (node.position.x === position.x && node.position.y === position.y)) continue;
    nodes ??= { ...doc.nodes };
    nodes[id] = { ...node, position: { x: position.x, y: position.y } };
  }
  return nodes ? { ...doc, nodes } : doc;
}

/** Removes nodes, the edges touching them and the given edges. */
export function removeElements(
  doc: DesignerDocument,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): DesignerDocument {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  for (const id of doc.edgeOrder) {
    const edge = doc.edges[id];
    if (edge && (goneNodes.has(edge.source) || goneNodes.has(edge.target))) goneEdges.add(id);
  }
  if (goneNodes.size === 0 && goneEdges.size === 0) return doc;
  const nodes = { ...doc.nodes };
  for (const id of goneNodes) delete nodes[id];
  const withoutEdges = removeEdges({ ...doc, nodes }, goneEdges);
  return { ...withoutEdges, nodeOrder: doc.nodeOrder.filter((id) => !goneNodes.has(id)) };
}

export function removeEdges(doc: DesignerDocument, edgeIds: Iterable<string>): DesignerDocument {
  const gone = new Set(edgeIds);
  if (gone.size === 0) return doc;
  const edges = { ...doc.edges };
  for (const id of gone) delete edges[id];
  return { ...doc, edges, edgeOrder: doc.edgeOrder.filter((id) => !gone.has(id)) };
}
