// The Send API's error classes (docs/messenger.md §2.8) and what the runtime does with each: retry
// with backoff, back off the whole Page (rate limits), or give up with a reason.
import { z } from 'zod';

export const GraphErrorBody = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number(),
    error_subcode: z.number().optional(),
    fbtrace_id: z.string().optional(),
    is_transient: z.boolean().optional(),
  }),
});
export type GraphError = z.infer<typeof GraphErrorBody>['error'];

export type ErrorClass =
  | { action: 'retry'; reason: string }
  | { action: 'throttle'; reason: string }
  /** `scope: 'user'` drops the rest of this user's queue too; 'page' means every send will fail. */
  | { action: 'give-up'; reason: string; scope: 'message' | 'user' | 'page' };

const THROTTLE_CODES = new Set([4, 17, 32, 613, 80001]);

export function classifyGraphError(error: GraphError): ErrorClass {
  const { code, error_subcode: sub } = error;
  if (code === 613 && sub === 2018338)
    return { action: 'give-up', reason: 'tag-overuse', scope: 'message' };
  if (THROTTLE_CODES.has(code) || code === 341)
    return { action: 'throttle', reason: `rate-limit-${code}` };
  if (code === 2 && sub === 2018344)
    return { action: 'give-up', reason: 'privacy-terms', scope: 'page' };
  if (code === 1 || code === 2 || error.is_transient)
    return { action: 'retry', reason: `transient-${code}` };
  if (code === 2018321) return { action: 'retry', reason: 'automated-qa-owns-thread' };
  if (code === 10 && sub === 1893063)
    return { action: 'give-up', reason: 'page-restricted', scope: 'page' };
  if (code === 10) return { action: 'give-up', reason: 'outside-window', scope: 'user' };
  if (code === 551 || (code === 200 && sub === 1545041))
    return { action: 'give-up', reason: 'user-unavailable', scope: 'user' };
  if (code === 190) return { action: 'give-up', reason: 'bad-page-token', scope: 'page' };
  if (code === 200) return { action: 'give-up', reason: 'permission', scope: 'page' };
  if (code === 2018300)
    return { action: 'give-up', reason: 'thread-owned-by-another-app', scope: 'user' };
  if (code === 100 && sub === 2018001)
    return { action: 'give-up', reason: 'no-such-user', scope: 'user' };
  if (code === 368) return { action: 'give-up', reason: 'policy-block', scope: 'page' };
  return {
    action: 'give-up',
    reason: `bad-request-${code}${sub ? '-' + sub : ''}`,
    scope: 'message',
  };
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(
  attempt: number,
  random: () => number,
  baseMs = 250,
  capMs = 60_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
