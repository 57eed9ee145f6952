import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { NODE_TYPES, type NodeType } from '../../../flows/schema';
import { addNodeAt } from '../commands/addNode';
import { useDesignerContext } from '../designer/DesignerContext';

export const PALETTE_MIME = 'application/x-threadline-node-type';

/** HTML5 drop of a palette entry onto the canvas, placed where it was dropped. */
export function usePaletteDrop() {
  const context = useDesignerContext();
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!(NODE_TYPES as readonly string[]).includes(type)) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeAt(
        context,
        type as NodeType,
        { x: position.x - 120, y: position.y - 30 },
        { placement: 'exact' },
      );
    },
    [context, screenToFlowPosition],
  );
  return { onDragOver, onDrop };
}
