// A node's size before it was ever drawn (with onlyRenderVisibleElements, nodes off screen are
// never measured): auto-layout needs it so that tall nodes do not overlap.
import type { FlowNode } from '../../../flows/schema';
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

function bodyHeight(node: FlowNode): number {
  switch (node.type) {
    case 'message':
      return node.data.blocks.reduce((sum, block) => {
        if (block.type === 'text')
          return sum + textHeight(block.text) + (block.buttons?.length ? 26 : 0) + 6;
        if (block.type === 'cards') return sum + 30;
        if (block.type === 'typing') return sum + 22;
        return sum + LINE * 2 + 6;
      }, 8);
    case 'input':
      return textHeight(node.data.prompt) + 30;
    case 'action':
      return node.data.actions.length * LINE + 10;
    case 'http':
      return 40 + (node.data.save?.length ?? 0) * LINE;
    case 'trigger':
    case 'handover':
      return 28;
    case 'note':
      return textHeight(node.data.text, 8);
    default:
      return 0;
  }
}

export function estimateNodeSize(node: FlowNode): { width: number; height: number } {
  const rows = handleRows(node).length;
  return { width: WIDTH, height: HEADER + bodyHeight(node) + (rows ? rows * ROW + 8 : 0) };
}
