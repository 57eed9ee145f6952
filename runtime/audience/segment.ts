// Segments (docs/format.md §6 "Audience"): which subscribers a broadcast or a subscriber list
// means, by tags, variable rules and the messaging window. One schema for the broadcast body
// and one reading of a subscriber list's query string, so both select alike.
import { z } from 'zod';
import { VariableValue } from '../../flows/engine';

export const VariableRule = z.strictObject({
  name: z.string().min(1),
  /** `eq`, `ne`: equal or not (as text); `gt`, `lt`: as numbers; `contains`: as text. */
  op: z.enum(['eq', 'ne', 'gt', 'lt', 'contains', 'exists', 'missing']),
  value: VariableValue.optional(),
});
export type VariableRule = z.infer<typeof VariableRule>;

export const Segment = z.strictObject({
  /** The subscriber has every one of these tags. */
  tags: z.array(z.string().min(1)).max(50).optional(),
  /** ... and none of these. */
  notTags: z.array(z.string().min(1)).max(50).optional(),
  /** ... and every rule holds. */
  variables: z.array(VariableRule).max(50).optional(),
  /** `open`: their 24-hour window is open now; `closed`: it is not. Default: either. */
  window: z.enum(['open', 'closed', 'any']).optional(),
});
export type Segment = z.infer<typeof Segment>;

export interface SegmentSubject {
  tags: string[];
  variables: Record<string, VariableValue>;
  windowOpen: boolean;
}

export function inSegment(s: SegmentSubject, segment: Segment): boolean {
  if (segment.window === 'open' && !s.windowOpen) return false;
  if (segment.window === 'closed' && s.windowOpen) return false;
  if (segment.tags?.some((t) => !s.tags.includes(t))) return false;
  if (segment.notTags?.some((t) => s.tags.includes(t))) return false;
  return (segment.variables ?? []).every((rule) => ruleHolds(s.variables[rule.name], rule));
}

function ruleHolds(value: VariableValue | undefined, rule: VariableRule): boolean {
  if (rule.op === 'exists') return value !== undefined;
  if (rule.op === 'missing') return value === undefined;
  if (value === undefined || rule.value === undefined) return false;
  if (rule.op === 'gt' || rule.op === 'lt') {
    const a = Number(value);
    const b = Number(rule.value);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    return rule.op === 'gt' ? a > b : a < b;
  }
  const a = String(value);
  const b = String(rule.value);
  if (rule.op === 'eq') return a === b;
  if (rule.op === 'ne') return a !== b;
  return a.toLowerCase().includes(b.toLowerCase());
}

/**
 * A subscriber list's filters from its query string: `tag` (repeatable), `notTag`,
 * `var.NAME=value` (equal), `window=open|closed`. Unknown parameters are the caller's to refuse.
 */
export function segmentFromQuery(
  query: URLSearchParams,
): { ok: true; segment: Segment } | { ok: false; message: string } {
  const segment: Segment = {};
  const tags = query.getAll('tag');
  const notTags = query.getAll('notTag');
  if (tags.some((t) => t === '') || notTags.some((t) => t === ''))
    return { ok: false, message: 'tag and notTag need a value' };
  if (tags.length) segment.tags = tags;
  if (notTags.length) segment.notTags = notTags;
  const rules: VariableRule[] = [];
  for (const [key, value] of query) {
    if (!key.startsWith('var.')) continue;
    const name = key.slice(4);
    if (!name) return { ok: false, message: '"var." needs a variable name: var.NAME=value' };
    rules.push({ name, op: 'eq', value });
  }
  if (rules.length) segment.variables = rules;
  const window = query.get('window');
  if (window !== null) {
    if (window !== 'open' && window !== 'closed' && window !== 'any')
      return { ok: false, message: `window must be open, closed or any, not "${window}"` };
    segment.window = window;
  }
  return { ok: true, segment };
}
