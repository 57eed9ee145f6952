// Moving the selected nodes with the arrow keys: one grid step a press, four with Shift. A burst
// of presses (each less than MERGE_WINDOW_MS after the last) is one undo step, through runCommand.
import { moveNodes } from '../store/operations/nodes';
import type { EditCommand } from './command';

export const GRID_STEP = 16;
/** How many grid steps one press with Shift moves. */
export const SHIFT_FACTOR = 4;

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/** The direction an arrow key moves in, or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  const direction = key.startsWith('Arrow') ? key.slice(5).toLowerCase() : '';
  return direction in VECTORS ? (direction as Direction) : null;
}

/** Moves the selected nodes `steps` grid steps towards `direction`. */
export function moveSelectionCommand(direction: Direction, steps = 1): EditCommand {
  return {
    id: 'moveSelection',
    label: 'Move selection',
    shortcuts: [],
    history: 'step',
    merge: 'moveSelection',
    perform: ({ store }) => {
      const ids = [...store.getState().selection.nodes];
      if (ids.length === 0) return null;
      const { x, y } = VECTORS[direction];
      const by = GRID_STEP * steps;
      return (doc) => {
        const positions = new Map<string, { x: number; y: number }>();
        for (const id of ids) {
          const node = doc.nodes[id];
          if (node) positions.set(id, { x: node.position.x + x * by, y: node.position.y + y * by });
        }
        return { doc: moveNodes(doc, positions) };
      };
    },
  };
}
