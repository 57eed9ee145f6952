import { useEffect } from 'react';
import type { CommandContext } from '../commands/command';
import { useDesignerContext } from '../designer/DesignerContext';
import { toProblems } from '../store/toProblems';

/**
 * Feeds the derived store's lint findings to the Problems panel and the node badges, each time
 * they change. Returns the function that stops.
 */
export function feedProblems({ store, derived }: Pick<CommandContext, 'store' | 'derived'>) {
  return derived.subscribe((state, previous) => {
    if (state.findings !== previous.findings)
      store.getState().setProblems(toProblems(state.findings));
  });
}

/**
 * Derives (lints, and compiles while something needs it) a moment after the last edit, so typing
 * stays smooth, and shows the findings as problems.
 */
export function useLint() {
  const context = useDesignerContext();
  useEffect(() => {
    const stopFeeding = feedProblems(context);
    const stopDeriving = context.derived.start();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The first derivation waits for the flow's first frame, so a large flow is on screen sooner.
    const frame = requestAnimationFrame(() => (timer = setTimeout(context.derived.flush, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      stopDeriving();
      stopFeeding();
    };
  }, [context]);
}
