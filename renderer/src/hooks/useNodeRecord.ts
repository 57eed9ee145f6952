import type { FlowNode, NodeOfType, NodeType } from '../../../flows/schema';
import { useDesigner } from './useDesigner';

/** One node's record from the document; each node component subscribes to its own only. */
export function useNodeRecord<T extends NodeType>(id: string, type: T): NodeOfType<T> | undefined {
  const node = useDesigner((s) => s.doc.nodes[id]);
  return node?.type === type ? (node as NodeOfType<T>) : undefined;
}

export function useAnyNodeRecord(id: string): FlowNode | undefined {
  return useDesigner((s) => s.doc.nodes[id]);
}
