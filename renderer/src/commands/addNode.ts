// Adding a node (palette click or drop, or the menu after dropping an edge on empty canvas) is
// one undo step, also when it comes with its incoming edge.
import type { FlowNode, NodeType } from '../../../flows/schema';
import { estimateNodeSize } from '../layout/estimateSize';
import { defaultNode } from '../nodeTypes/defaultNode';
import type { DesignerDocument } from '../store/designerDocument';
import type { DesignerStore } from '../store/designerStore';
import { freshId, keysOf } from '../store/ids';
import { connect, type Connection } from '../store/operations/connect';
import { addNodes } from '../store/operations/nodes';

const GRID = 16;
const GAP = 16; // kept clear around a new node
const snap = (v: number) => Math.round(v / GRID) * GRID;

type Sizes = Readonly<Record<string, { width: number; height: number }>>;

export interface AddOptions {
  /** Also connects this output to the new node. */
  from?: Omit<Connection, 'target'>;
  /**
   * 'exact' where the user pointed (a drop), 'free' where there is room near the position
   * (a palette click, which picks the spot itself).
   */
  placement?: 'exact' | 'free';
}

export function addNodeAt(
  store: DesignerStore,
  type: NodeType,
  position: { x: number; y: number },
  { from, placement = 'free' }: AddOptions = {},
): string {
  let id = '';
  const { measured } = store.getState();
  store.getState().change(
    (doc) => {
      id = freshId('n', keysOf(doc.nodes));
      const at = { x: snap(position.x), y: snap(position.y) };
      const draft = defaultNode(type, id, at);
      const node =
        placement === 'exact'
          ? draft
          : ({ ...draft, position: freeSpot(doc, measured, draft) } as FlowNode);
      const added = addNodes(doc, [node]);
      return from ? connect(added, { ...from, target: id }).doc : added;
    },
    { kind: 'push' },
  );
  store.getState().select([id]);
  return id;
}

/**
 * Moves a new node down until it overlaps no other, by their drawn sizes where known and
 * estimated ones otherwise (several clicks in a row stack neatly, and a tall node above the spot
 * is not covered).
 */
function freeSpot(
  doc: DesignerDocument,
  measured: Sizes,
  node: FlowNode,
): { x: number; y: number } {
  const own = estimateNodeSize(node);
  const overlaps = (p: { x: number; y: number }) =>
    Object.values(doc.nodes).some((n) => {
      const size = measured[n.id] ?? estimateNodeSize(n);
      return (
        p.x < n.position.x + size.width + GAP &&
        n.position.x < p.x + own.width + GAP &&
        p.y < n.position.y + size.height + GAP &&
        n.position.y < p.y + own.height + GAP
      );
    });
  let spot = node.position;
  for (let i = 0; i < 200 && overlaps(spot); i++) spot = { x: spot.x, y: spot.y + GRID * 2 };
  return spot;
}
