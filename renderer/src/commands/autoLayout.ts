import { buildElkGraph, layoutPositions } from '../layout/elkGraph';
import { moveNodes } from '../store/operations/nodes';
import type { Command } from './command';

export const autoLayout: Command = {
  id: 'autoLayout',
  label: 'Auto-layout',
  shortcuts: ['Mod+Shift+L'],
  history: 'step',
  perform: async ({ store, ui, view }) => {
    if (ui.getState().layoutRunning) return;
    ui.getState().set({ layoutRunning: true });
    try {
      const { doc, measured } = store.getState();
      // Imported lazily: the layout engine (and its worker) load only when asked for.
      const { runLayout } = await import('../layout/runLayout');
      const laidOut = await runLayout(buildElkGraph(doc, measured));
      store.getState().change((current) => moveNodes(current, layoutPositions(laidOut)), {
        kind: 'push',
      });
      requestAnimationFrame(() => view?.fit());
    } finally {
      ui.getState().set({ layoutRunning: false });
    }
  },
};
