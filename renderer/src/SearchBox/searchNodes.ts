// Node search: matches the query against every string in a node (texts, titles, URLs, ids).
import { displayName } from '../nodeTypes/displayName';
import type { FlowNode } from '../../../flows/schema';
import type { DesignerDocument } from '../store/designerDocument';

export interface SearchHit {
  id: string;
  type: FlowNode['type'];
  /** The node's display name (its name or a summary of its content). */
  name: string;
  /** The text that matched, when it is not already the name. */
  text: string;
}

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

export function searchNodes(doc: DesignerDocument, query: string): SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const hits: SearchHit[] = [];
  for (const id of doc.nodeOrder) {
    const node = doc.nodes[id];
    if (!node) continue;
    const name = displayName(node);
    const texts = [node.name ?? '', node.id, ...strings(node.data, [])];
    const match = texts.find((t) => t.toLowerCase().includes(needle));
    if (match !== undefined)
      hits.push({ id, type: node.type, name, text: match === name ? '' : match.slice(0, 60) });
  }
  return hits;
}
