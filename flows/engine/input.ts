// An answer to an `input` step (docs/format.md §2 rule 3): valid saves and follows `ok`; invalid sends
// the retry prompt until `maxRetries` retries were used, and the next invalid one follows `invalid`.
import type { StepOfType } from '../schema';
import type { Draft } from './draft';
import { sendPrompt } from './nodes';
import { leave } from './run';
import { validateAnswer, type Answer } from './validate';
import { saveVariable } from './variables';

export const DEFAULT_MAX_RETRIES = 2;

export function answerInput(
  d: Draft,
  step: StepOfType<'input'>,
  retries: number,
  answer: Answer,
): void {
  const value = validateAnswer(step.data, answer, {
    locale: d.session.user.locale,
    defaultLocale: d.flow.defaultLocale,
    now: d.ctx.now,
  });
  if (value !== undefined) {
    saveVariable(d, step.data.variable, value, step.id);
    return leave(d, step, 'ok');
  }
  if (retries < (step.data.maxRetries ?? DEFAULT_MAX_RETRIES)) {
    d.trace.push({ type: 'enter', step: step.id });
    sendPrompt(d, step, step.data.retryPrompt ?? step.data.prompt);
    d.session.wait = { kind: 'input', step: step.id, retries: retries + 1 };
    return;
  }
  leave(d, step, 'invalid');
}
