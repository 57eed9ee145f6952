import { displayName } from '../nodeTypes/displayName';
import { useDesigner } from './useDesigner';

/**
 * A node's display name from the draft (its name, else a summary of its content), or undefined
 * when the draft has no such node: compiled revisions keep only ids, so views of them name
 * their nodes from the draft (docs/format.md §1).
 */
export function useNodeName(id: string | null | undefined): string | undefined {
  return useDesigner((s) => {
    const node = id ? s.doc.nodes[id] : undefined;
    return node ? displayName(node) : undefined;
  });
}
