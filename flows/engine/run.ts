// Following a flow from a step (docs/format.md §2 "Running"): steps run until one waits, a delay, an
// `end`, or a handle without an edge; at most MAX_STEPS_PER_TURN steps in one turn.
import type { CompiledStep } from '../schema';
import { log, type Draft } from './draft';
import { follow } from './follow';
import { executeStep } from './nodes';

export const MAX_STEPS_PER_TURN = 100;

/** Moves the session to `stepId`; whatever it waited for is cancelled. */
export function runFrom(d: Draft, stepId: string): void {
  d.session.wait = null;
  let current: string | undefined = stepId;
  while (current !== undefined) {
    if (d.entered >= MAX_STEPS_PER_TURN) {
      log(
        d,
        'error',
        'turn-limit',
        `stopped after ${MAX_STEPS_PER_TURN} steps in one turn (a loop that never waits?)`,
        current,
        { key: 'turnLimit', params: { limit: MAX_STEPS_PER_TURN } },
      );
      d.session.wait = null;
      return;
    }
    const step = d.index.steps.get(current);
    if (!step) {
      log(d, 'error', 'missing-step', `step "${current}" is not in this revision`, current, {
        key: 'missingStep',
        params: { step: current },
      });
      return;
    }
    d.entered++;
    d.trace.push({ type: 'enter', step: step.id });
    current = executeStep(d, step);
  }
}

/** Leaves a waiting (or any) step through `handle`: the wait ends even if no edge leads on. */
export function leave(d: Draft, step: CompiledStep, handle: string): void {
  d.session.wait = null;
  const to = follow(d, step, handle);
  if (to !== undefined) runFrom(d, to);
}
