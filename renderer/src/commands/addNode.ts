// Adding a node (palette click or drop, or the menu after dropping an edge on empty canvas) is
// one undo step, also when it comes with its incoming edge.
import type { NodeType } from '../../../flows/schema';
import { defaultNode } from '../nodeTypes/defaultNode';
import type { DesignerDocument } from '../store/designerDocument';
import type { DesignerStore } from '../store/designerStore';
import { freshId, keysOf } from '../store/ids';
import { connect, type Connection } from '../store/operations/connect';
import { addNodes } from '../store/operations/nodes';

const GRID = 16;
const snap = (v: number) => Math.round(v / GRID) * GRID;
// The space a node takes on the canvas, roughly (nodes are 240 wide).
const NODE_W = 272;
const NODE_H = 112;

export function addNodeAt(
  store: DesignerStore,
  type: NodeType,
  position: { x: number; y: number },
  from?: Omit<Connection, 'target'>,
): string {
  let id = '';
  store.getState().change(
    (doc) => {
      id = freshId('n', keysOf(doc.nodes));
      const node = defaultNode(
        type,
        id,
        freeSpot(doc, { x: snap(position.x), y: snap(position.y) }),
      );
      const added = addNodes(doc, [node]);
      return from ? connect(added, { ...from, target: id }).doc : added;
    },
    { kind: 'push' },
  );
  store.getState().select([id]);
  return id;
}

/** Moves a new node down until it overlaps no other (several clicks in a row stack neatly). */
function freeSpot(doc: DesignerDocument, at: { x: number; y: number }): { x: number; y: number } {
  const overlaps = (p: { x: number; y: number }) =>
    Object.values(doc.nodes).some(
      (n) => Math.abs(n.position.x - p.x) < NODE_W && Math.abs(n.position.y - p.y) < NODE_H,
    );
  let spot = at;
  for (let i = 0; i < 100 && overlaps(spot); i++) spot = { x: spot.x, y: spot.y + GRID * 2 };
  return spot;
}
