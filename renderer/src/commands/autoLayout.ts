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
    if (ui.getState().layoutRunning) return null;
    ui.getState().set({ layoutRunning: true });
    try {
      const { doc, measured } = store.getState();
      const positions = layoutPositions(await runLayout(buildElkGraph(doc, measured)));
      // runCommand applies the edit as soon as this returns, before the next frame.
      requestAnimationFrame(() => view?.fit());
      return (current) => ({ doc: moveNodes(current, positions) });
    } finally {
      ui.getState().set({ layoutRunning: false });
    }
  },
};
