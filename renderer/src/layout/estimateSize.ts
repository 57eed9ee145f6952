// A node's size before it was ever drawn (with onlyRenderVisibleElements, nodes off screen are
// never measured): auto-layout needs it so that tall nodes do not overlap.
import type { FlowNode } from '../../../flows/schema';
import { NODE_CATALOG, type NodeTypeInfo } from '../nodeTypes/catalog';
import { handleRows } from '../nodeTypes/handleLabels';

const WIDTH = 240;
const HEADER = 36;
const ROW = 22;
const LINE = 17;
const CHARS_PER_LINE = 30;

function textHeight(text: string, maxLines = 4): number {
  const lines = Math.min(maxLines, Math.max(1, Math.ceil(text.length / CHARS_PER_LINE)));
  return lines * LINE + 14;
}

/** The body's height, between the header and the output rows: each type's `bodyHeight`. */
function bodyHeight(node: FlowNode): number {
  const { bodyHeight: height } = NODE_CATALOG[node.type] as NodeTypeInfo;
  return height(node, { line: LINE, text: textHeight });
}

export function estimateNodeSize(node: FlowNode): { width: number; height: number } {
  const rows = handleRows(node).length;
  return { width: WIDTH, height: HEADER + bodyHeight(node) + (rows ? rows * ROW + 8 : 0) };
}
