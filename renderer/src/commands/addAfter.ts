// Adds a node after the selected one: opens the node-type menu (the one shown after dropping an
// edge on empty canvas) to the right of the node, connected from its first free output (or its
// first output when all are taken: the new edge replaces that one, a handle has one edge).
import { outputHandles } from '../../../flows/schema';
import { estimateNodeSize } from '../layout/estimateSize';
import type { Command } from './command';

const GAP = 96;

export const addAfter: Command = {
  id: 'addAfter',
  label: 'Add a node after the selected one',
  shortcuts: ['Mod+Enter'],
  history: 'none',
  perform: ({ store, ui, view }) => {
    const { doc, selection, measured } = store.getState();
    if (selection.nodes.size !== 1) return;
    const [id] = selection.nodes;
    const node = id ? doc.nodes[id] : undefined;
    if (!node) return;
    const handles = outputHandles(node);
    if (handles.length === 0) return;
    const used = new Set(
      Object.values(doc.edges)
        .filter((e) => e.source === node.id)
        .map((e) => e.sourceHandle),
    );
    const sourceHandle = handles.find((h) => !used.has(h)) ?? handles[0]!;
    const size = measured[node.id] ?? estimateNodeSize(node);
    const flow = { x: node.position.x + size.width + GAP, y: node.position.y + 20 };
    const screen = view?.toScreen({ x: node.position.x + size.width, y: node.position.y }) ?? {
      x: 0,
      y: 0,
    };
    ui.getState().set({
      contextMenu: null,
      connectMenu: {
        source: node.id,
        sourceHandle,
        x: screen.x + 8,
        y: screen.y,
        flowX: flow.x,
        flowY: flow.y,
      },
    });
  },
};
