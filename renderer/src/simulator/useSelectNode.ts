// Selecting a node from the simulator (a bubble, a lint error): the designer's own selection and
// canvas view, so the inspector opens on it as if it were clicked on the canvas.
import { useCallback } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';

export function useSelectNode(): (nodeId: string) => void {
  const context = useDesignerContext();
  return useCallback(
    (nodeId: string) => {
      if (!context.store.getState().doc.nodes[nodeId]) return;
      context.store.getState().select([nodeId]);
      context.view?.centreOn(nodeId);
    },
    [context],
  );
}
