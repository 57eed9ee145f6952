// Taking a step's output handle: shared by the step runners (nodes.ts) and the loop that runs
// them (run.ts), in a module of its own so neither has to import the other back.
import type { CompiledStep } from '../schema';
import type { Draft } from './draft';

/** Records the handle taken and returns where its edge leads (undefined: the session idles). */
export function follow(d: Draft, step: CompiledStep, handle: string): string | undefined {
  const to = step.outputs[handle];
  d.trace.push(
    to === undefined
      ? { type: 'take', step: step.id, handle }
      : { type: 'take', step: step.id, handle, to },
  );
  return to;
}
