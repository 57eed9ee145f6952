// What changed between two compiled flows, for the designer's "changes since the published
// revision": steps compared by id, plus the flow-level parts (entries, profile, ...) by name.
// Key order never counts as a change, so a flow read back from a runtime compares equal to the
// one compiled here.
import type { CompiledFlow } from './schema';

export interface FlowDiff {
  /** Step ids in the next flow only, in its order. */
  added: string[];
  /** Step ids in the previous flow only, in its order. */
  removed: string[];
  /** Step ids in both whose type, data or outputs differ, in the next flow's order. */
  changed: string[];
  /** Flow-level fields that differ (name, entries, disclosure, profile, variables). */
  settings: string[];
}

const FLOW_FIELDS = ['name', 'entries', 'disclosure', 'profile', 'variables'] as const;

/** `prev` null (nothing published yet) lists every step as added. */
export function diffCompiledFlows(prev: CompiledFlow | null, next: CompiledFlow): FlowDiff {
  const before = new Map((prev?.steps ?? []).map((s) => [s.id, stableJson(s)]));
  const afterIds = new Set(next.steps.map((s) => s.id));
  const added: string[] = [];
  const changed: string[] = [];
  for (const step of next.steps) {
    const old = before.get(step.id);
    if (old === undefined) added.push(step.id);
    else if (old !== stableJson(step)) changed.push(step.id);
  }
  const removed = (prev?.steps ?? []).map((s) => s.id).filter((id) => !afterIds.has(id));
  const settings = prev
    ? FLOW_FIELDS.filter((field) => stableJson(prev[field]) !== stableJson(next[field]))
    : [];
  return { added, removed, changed, settings };
}

export function isEmptyDiff(diff: FlowDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length + diff.settings.length === 0;
}

/** JSON with object keys sorted, so that two equal values give the same text. */
function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? 'undefined'
  );
}
