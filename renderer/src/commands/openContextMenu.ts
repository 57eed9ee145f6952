// Opens the selected node's context menu from the keyboard (Shift+F10 or the ContextMenu key), at
// the node's top right corner; a right click opens the same menu where the pointer is.
import { estimateNodeSize } from '../layout/estimateSize';
import type { Command } from './command';

export const openContextMenu: Command = {
  id: 'contextMenu',
  label: 'Node menu',
  shortcuts: ['Shift+F10', 'ContextMenu'],
  history: 'none',
  perform: ({ store, ui, view }) => {
    const { doc, selection, measured } = store.getState();
    if (selection.nodes.size !== 1) return;
    const [id] = selection.nodes;
    const node = id ? doc.nodes[id] : undefined;
    if (!node) return;
    const size = measured[node.id] ?? estimateNodeSize(node);
    const at = view?.toScreen({ x: node.position.x + size.width, y: node.position.y }) ?? {
      x: 0,
      y: 0,
    };
    ui.getState().set({ connectMenu: null, contextMenu: { nodeId: node.id, x: at.x, y: at.y } });
  },
};
