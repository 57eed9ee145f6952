// Adding a node (palette click or drop, or the menu after dropping an edge on empty canvas) is
// one undo step, also when it comes with its incoming edge.
import type { FlowNode, NodeType } from '../../../flows/schema';
import { estimateNodeSize } from '../layout/estimateSize';
import { defaultNode } from '../nodeTypes/defaultNode';
import type { DesignerDocument } from '../store/designerDocument';
import { freshId, keysOf } from '../store/ids';
import { connect, type Connection } from '../store/operations/connect';
import { addNodes } from '../store/operations/nodes';
import type { CommandContext, EditCommand } from './command';
import { runCommand } from './runCommand';

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

/** The command that adds a node: an edit, so runCommand records it as one undo step. */
export function addNodeCommand(
  type: NodeType,
  position: { x: number; y: number },
  { from, placement = 'free' }: AddOptions = {},
): EditCommand & { readonly addedId: string } {
  let addedId = '';
  return {
    id: 'node.add',
    label: `Add ${type}`,
    shortcuts: [],
    history: 'step',
    get addedId() {
      return addedId;
    },
    perform: ({ store }) => {
      const { measured } = store.getState();
      return (doc) => {
        const id = freshId('n', keysOf(doc.nodes));
        addedId = id;
        const at = { x: snap(position.x), y: snap(position.y) };
        const draft = defaultNode(type, id, at);
        const node =
          placement === 'exact'
            ? draft
            : ({ ...draft, position: freeSpot(doc, measured, draft) } as FlowNode);
        const added = addNodes(doc, [node]);
        return { doc: from ? connect(added, { ...from, target: id }).doc : added, select: [id] };
      };
    },
  };
}

/**
 * Adds a node through runCommand (a palette click or drop, or the menu after dropping an edge on
 * empty canvas) and returns its id; the edit is applied at once, as one undo step.
 */
export function addNodeAt(
  context: CommandContext,
  type: NodeType,
  position: { x: number; y: number },
  options: AddOptions = {},
): string {
  const command = addNodeCommand(type, position, options);
  void runCommand(context, command);
  return command.addedId;
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
