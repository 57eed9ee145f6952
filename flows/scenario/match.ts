// Matching `expect` (docs/format.md §4): every message since the previous step, in order and no more;
// each entry checks only the fields it names.
import type { ExpectedMessage } from './schema';
import type { SeenMessage } from './transcript';

/** Why the messages do not match, or null when they do. */
export function mismatch(expected: ExpectedMessage[], actual: SeenMessage[]): string | null {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const want = expected[i];
    const got = actual[i];
    if (!want)
      return `message ${i + 1} was not expected (${expected.length} expected, ${actual.length} sent)`;
    if (!got)
      return `message ${i + 1} was expected but not sent (${expected.length} expected, ${actual.length} sent)`;
    const problem = entryMismatch(want, got);
    if (problem) return `message ${i + 1}: ${problem}`;
  }
  return null;
}

function entryMismatch(want: ExpectedMessage, got: SeenMessage): string | null {
  if (want.text !== undefined && got.text !== want.text)
    return `text was ${show(got.text)}, expected ${show(want.text)}`;
  if (want.textContains !== undefined && !(got.text ?? '').includes(want.textContains))
    return `text ${show(got.text)} does not contain ${show(want.textContains)}`;
  for (const key of ['quickReplies', 'buttons', 'cards'] as const) {
    const w = want[key];
    if (w !== undefined && JSON.stringify(got[key] ?? []) !== JSON.stringify(w))
      return `${key} were ${JSON.stringify(got[key] ?? [])}, expected ${JSON.stringify(w)}`;
  }
  for (const key of ['image', 'video', 'audio', 'file'] as const) {
    if (want[key] !== undefined && got[key] !== want[key])
      return `${key} was ${show(got[key])}, expected ${show(want[key])}`;
  }
  if (want.handover && !got.handover) return 'expected a handover to a human';
  return null;
}

function show(value: string | undefined): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}
