import {
  applyNodeChanges,
  useStoreApi,
  type EdgeChange,
  type NodeChange,
  type NodePositionChange,
} from '@xyflow/react';
import { useCallback } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { moveNodes } from '../store/operations/nodes';

/**
 * Applies React Flow's changes to the store: moves go to the document (one undo step per drag,
 * see the gesture handlers), sizes and selection to view state. Removal goes through the delete
 * command instead (deleteKeyCode is off), so that it is undoable like everything else.
 *
 * While a drag runs, its moves go to React Flow's own store only, as its uncontrolled mode does:
 * the drag's last change (`dragging: false`) puts the final positions in the document. So a
 * drag frame costs React Flow's update and no more: no new document, no designer store update
 * running every node's selectors, no canvas re-render (which would also bring the moved nodes
 * back to the document's positions mid-drag; nothing re-derives them while the document rests).
 */
export function useNodeChanges() {
  const { store } = useDesignerContext();
  const flow = useStoreApi();
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const preview: NodePositionChange[] = [];
      const positions = new Map<string, { x: number; y: number }>();
      const sizes = new Map<string, { width: number; height: number }>();
      const state = store.getState();
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.dragging) preview.push(change);
        else if (change.type === 'position' && change.position)
          positions.set(change.id, change.position);
        else if (change.type === 'dimensions' && change.dimensions)
          sizes.set(change.id, change.dimensions);
        else if (change.type === 'select') {
          selected ??= new Set(state.selection.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (preview.length) {
        const { nodes, setNodes } = flow.getState();
        setNodes(applyNodeChanges(preview, nodes));
      }
      if (positions.size) state.change((doc) => moveNodes(doc, positions), { kind: 'push' });
      if (sizes.size) state.setMeasured(sizes);
      if (selected) state.select(selected, store.getState().selection.edges);
    },
    [store, flow],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selected ??= new Set(state.selection.edges);
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (selected) state.select(store.getState().selection.nodes, selected);
    },
    [store],
  );
  return { onNodesChange, onEdgesChange };
}
