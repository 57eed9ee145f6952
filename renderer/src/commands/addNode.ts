// Adding a node (palette click or drop, or the menu after dropping an edge on empty canvas) is
// one undo step, also when it comes with its incoming edge.
import type { NodeType } from '../../../flows/schema';
import { defaultNode } from '../nodeTypes/defaultNode';
import type { DesignerStore } from '../store/designerStore';
import { freshId, keysOf } from '../store/ids';
import { connect, type Connection } from '../store/operations/connect';
import { addNodes } from '../store/operations/nodes';

const GRID = 16;
const snap = (v: number) => Math.round(v / GRID) * GRID;

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
      const node = defaultNode(type, id, { x: snap(position.x), y: snap(position.y) });
      const added = addNodes(doc, [node]);
      return from ? connect(added, { ...from, target: id }).doc : added;
    },
    { kind: 'push' },
  );
  store.getState().select([id]);
  return id;
}
