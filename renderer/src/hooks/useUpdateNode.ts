import { useCallback } from 'react';
import type { FlowNode, NodeOfType, NodeType } from '../../../flows/schema';
import { useDesignerContext } from '../designer/DesignerContext';
import { replaceNode } from '../store/operations/nodes';

/**
 * Returns `update(recipe, field?)`. With a field, edits of that field merge into one undo step
 * while the user keeps typing; without, each update is its own step (add, remove, reorder).
 */
export function useUpdateNode<T extends NodeType>(id: string, _type: T) {
  const { store } = useDesignerContext();
  return useCallback(
    (recipe: (node: NodeOfType<T>) => NodeOfType<T>, field?: string) => {
      store.getState().change(
        (doc) => {
          const node = doc.nodes[id] as FlowNode | undefined;
          return node ? replaceNode(doc, recipe(node as NodeOfType<T>)) : doc;
        },
        field ? { kind: 'merge', key: `${id}:${field}` } : { kind: 'push' },
      );
    },
    [store, id],
  );
}

/** Shorthand for editing `data` of a node. */
export function useUpdateNodeData<T extends NodeType>(id: string, type: T) {
  const update = useUpdateNode(id, type);
  return useCallback(
    (patch: (data: NodeOfType<T>['data']) => NodeOfType<T>['data'], field?: string) =>
      // `data` of NodeOfType<T> is a union TypeScript cannot narrow through the generic.
      update(
        (node) => ({ ...node, data: patch(node.data as NodeOfType<T>['data']) }) as NodeOfType<T>,
        field,
      ),
    [update],
  );
}
