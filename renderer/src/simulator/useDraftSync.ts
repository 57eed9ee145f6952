// Feeds the designer's current draft to the simulator: at once when the panel opens, then each
// time the derived store has compiled a new version (a moment after the last edit). Marks the
// panel visible so the canvas shows the chat's path only while it is open.
import { useEffect } from 'react';
import type { CommandContext } from '../commands/command';
import { useDesignerContext } from '../designer/DesignerContext';

/** Keeps the simulator on the derived compiled flow; returns the function that stops. */
export function feedSimulator({
  derived,
  simulator,
}: Pick<CommandContext, 'derived' | 'simulator'>) {
  const release = derived.needCompiled();
  const load = (compiled: ReturnType<typeof derived.getState>['compiled']) => {
    if (compiled) simulator.getState().loadCompiled(compiled);
  };
  load(derived.flush().compiled);
  simulator.getState().setVisible(true);
  const unsubscribe = derived.subscribe((state, previous) => {
    if (state.compiled !== previous.compiled) load(state.compiled);
  });
  return () => {
    unsubscribe();
    release();
    simulator.getState().setVisible(false);
  };
}

export function useDraftSync(): void {
  const context = useDesignerContext();
  useEffect(() => feedSimulator(context), [context]);
}
