// The hooks that read this designer window's simulator store (context.simulator, made by
// createDesigner). Tests build their own with createSimulatorStore.
import { useStore } from 'zustand';
import { useDesignerContext } from '../designer/DesignerContext';
import type { SimulatorState, SimulatorStore } from './createSimulatorStore';

/** The simulator store itself, for event handlers that call its actions. */
export function useSimulatorStore(): SimulatorStore {
  return useDesignerContext().simulator;
}

export function useSimulator<T>(selector: (state: SimulatorState) => T): T {
  return useStore(useSimulatorStore(), selector);
}

/**
 * How the canvas should mark a node while the simulator is open: the node that just ran, the
 * path of the newest exchange, or a node visited earlier in the chat. Returns a string, so a
 * node re-renders only when its own state changes.
 */
export function useSimulatorHighlight(nodeId: string): 'active' | 'path' | 'visited' | null {
  return useSimulator((s) => (s.visible ? (s.highlight.nodes.get(nodeId) ?? null) : null));
}
