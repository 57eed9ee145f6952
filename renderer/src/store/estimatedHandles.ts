// Where a node's handles probably are before it was ever drawn, from the same estimate auto-layout
// uses. React Flow draws every node once just to measure its handles, even with
// onlyRenderVisibleElements (2,000 nodes on opening a large flow); with these it draws only the
// visible ones, measures those for real (see nodes/NodeFrame/useMeasureOnMount) and still routes
// edges to nodes off screen.
import type { NodeHandle, Position } from '@xyflow/react';
import { hasInputHandle } from '../../../flows';
import type { FlowNode } from '../../../flows/schema';
import { estimateNodeSize } from '../layout/estimateSize';
import { handleRows } from '../nodeTypes/handleLabels';

const HANDLE = 10;
const INPUT_CENTRE_Y = 23; // 18px from the top, under the 3px group border, plus half a handle
const ROW = 22;
const OUTPUTS_BOTTOM_PADDING = 6;

export function estimatedHandles(node: FlowNode): {
  size: { width: number; height: number };
  handles: NodeHandle[];
} {
  const size = estimateNodeSize(node);
  const handles: NodeHandle[] = [];
  if (hasInputHandle(node.type))
    handles.push({
      id: 'in',
      type: 'target',
      position: 'left' as Position.Left,
      x: -HANDLE / 2 - 1,
      y: INPUT_CENTRE_Y - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    });
  const rows = handleRows(node);
  rows.forEach((row, i) => {
    const centre = size.height - OUTPUTS_BOTTOM_PADDING - (rows.length - i) * ROW + ROW / 2;
    handles.push({
      id: row.handle,
      type: 'source',
      position: 'right' as Position.Right,
      x: size.width - HANDLE / 2 + 1,
      y: centre - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    });
  });
  return { size, handles };
}
