import { buildElkGraph, layoutPositions } from '../layout/elkGraph';
// A static import (elk-api is small; its worker starts on first use) so that Vite's dev server
// pre-bundles it at start instead of reloading the page on the first auto-layout.
import { runLayout } from '../layout/runLayout';
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
