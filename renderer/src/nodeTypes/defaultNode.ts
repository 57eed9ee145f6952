// A new node of each type with sensible starting content, as dropped from the palette (each
// type's `create` in the catalog).
import type { FlowNode, NodeType } from '../../../flows/schema';
import { NODE_CATALOG } from './catalog';

export function defaultNode(
  type: NodeType,
  id: string,
  position: { x: number; y: number },
): FlowNode {
  return { id, position, type, data: NODE_CATALOG[type].create() } as FlowNode;
}
