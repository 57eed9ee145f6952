// The one simulator store of the designer window, talking to the real host, and the hooks that
// read it. Tests build their own with createSimulatorStore.
import { useStore } from 'zustand';
import { getHost } from '../host';
import { createSimulatorStore, type SimulatorState } from './createSimulatorStore';
import { loadSettings, saveSettings } from './settings';

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

export const simulatorStore = createSimulatorStore({
  callHost: (request) => getHost().http(request),
  settings: loadSettings(storage),
  onSettings: (settings) => saveSettings(storage, settings),
});

export function useSimulator<T>(selector: (state: SimulatorState) => T): T {
  return useStore(simulatorStore, selector);
}

/**
 * How the canvas should mark a node while the simulator is open: the node that just ran, the
 * path of the newest exchange, or a node visited earlier in the chat. Returns a string, so a
 * node re-renders only when its own state changes.
 */
export function useSimulatorHighlight(nodeId: string): 'active' | 'path' | 'visited' | null {
  return useStore(simulatorStore, (s) =>
    s.visible ? (s.highlight.nodes.get(nodeId) ?? null) : null,
  );
}
