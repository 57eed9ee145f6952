// Matching `expect` (docs/format.md §4): every message since the previous step, in order and no more;
// each entry checks only the fields it names.
import type { ExpectedMessage } from './schema';
import { scenarioText, type ScenarioText } from './text';
import type { SeenMessage } from './transcript';

/** Why the messages do not match (a key and its values, see ./text), or null when they do. */
export function mismatch(expected: ExpectedMessage[], actual: SeenMessage[]): ScenarioText | null {
  const counts = { expected: expected.length, sent: actual.length };
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const want = expected[i];
    const got = actual[i];
    if (!want) return scenarioText('messageNotExpected', { index: i + 1, ...counts });
    if (!got) return scenarioText('messageNotSent', { index: i + 1, ...counts });
    const problem = entryMismatch(want, got);
    if (problem) return scenarioText('messageProblem', { index: i + 1, problem });
  }
  return null;
}

function entryMismatch(want: ExpectedMessage, got: SeenMessage): ScenarioText | null {
  if (want.text !== undefined && got.text !== want.text)
    return scenarioText('textWas', { actual: show(got.text), expected: show(want.text) });
  if (want.textContains !== undefined && !(got.text ?? '').includes(want.textContains))
    return scenarioText('textLacks', { actual: show(got.text), expected: show(want.textContains) });
  for (const key of ['quickReplies', 'buttons', 'cards'] as const) {
    const w = want[key];
    if (w !== undefined && JSON.stringify(got[key] ?? []) !== JSON.stringify(w))
      return scenarioText('listWere', {
        field: key,
        actual: JSON.stringify(got[key] ?? []),
        expected: JSON.stringify(w),
      });
  }
  for (const key of ['image', 'video', 'audio', 'file'] as const) {
    if (want[key] !== undefined && got[key] !== want[key])
      return scenarioText('mediaWas', {
        field: key,
        actual: show(got[key]),
        expected: show(want[key]),
      });
  }
  if (want.handover && !got.handover) return scenarioText('handoverExpected');
  return null;
}

function show(value: string | undefined): string | ScenarioText {
  return value === undefined ? scenarioText('absent') : JSON.stringify(value);
}
