// Condition rules (docs/format.md §1). Comparisons are forgiving the way marketers expect: `eq` ignores
// case and surrounding space, numbers compare as numbers, ISO dates compare as dates. A rule on
// an unset variable is false, except `unset` and `neq`.
import { testFlowPattern } from '../regex';
import type { Branch, Rule } from '../schema';
import type { Draft } from './draft';
import { readVariable, render } from './variables';
import type { VariableValue } from './session';

/** The first branch whose rules hold, or undefined for `else`. */
export function pickBranch(d: Draft, branches: Branch[]): Branch | undefined {
  return branches.find((b) =>
    b.match === 'all' ? b.rules.every((r) => holds(d, r)) : b.rules.some((r) => holds(d, r)),
  );
}

export function holds(d: Draft, rule: Rule): boolean {
  if (!('variable' in rule)) return d.session.tags.includes(rule.value) === (rule.op === 'has_tag');
  const actual = readVariable(d, rule.variable);
  const isSet = actual !== undefined && actual !== '';
  const expected = typeof rule.value === 'string' ? render(d, rule.value) : rule.value;
  switch (rule.op) {
    case 'set':
      return isSet;
    case 'unset':
      return !isSet;
    case 'eq':
      return isSet && equal(actual, expected);
    case 'neq':
      return !isSet || !equal(actual, expected);
    case 'contains':
      return isSet && text(actual).includes(text(expected));
    case 'matches':
      return isSet && testFlowPattern(String(expected ?? ''), String(actual), { ignoreCase: true });
    case 'gt':
      return isSet && compare(actual, expected, (c) => c > 0);
    case 'gte':
      return isSet && compare(actual, expected, (c) => c >= 0);
    case 'lt':
      return isSet && compare(actual, expected, (c) => c < 0);
    case 'lte':
      return isSet && compare(actual, expected, (c) => c <= 0);
  }
}

function text(value: VariableValue | undefined): string {
  return value === undefined ? '' : String(value).trim().toLowerCase();
}

function asNumber(value: VariableValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function equal(a: VariableValue | undefined, b: VariableValue | undefined): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x === y;
  return text(a) === text(b);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function compare(
  a: VariableValue | undefined,
  b: VariableValue | undefined,
  test: (c: number) => boolean,
): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return test(x - y);
  if (typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b))
    return test(a < b ? -1 : a > b ? 1 : 0);
  return false;
}
