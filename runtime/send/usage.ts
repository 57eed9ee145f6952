// Reads Meta's usage headers (docs/messenger.md §6): the highest percentage of any limit used, and how
// long until access comes back when a limit was hit.
export interface Usage {
  /** 0..100, the highest of call_count, total_cputime, total_time over all entries. */
  percent: number;
  /** Milliseconds until access returns, from estimated_time_to_regain_access (minutes). */
  regainMs: number;
}

function entries(header: string | null): Record<string, unknown>[] {
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    if (Array.isArray(parsed)) return parsed as Record<string, unknown>[];
    if (parsed && typeof parsed === 'object') {
      const values = Object.values(parsed as Record<string, unknown>);
      // X-App-Usage is one flat object; X-Business-Use-Case-Usage maps ids to arrays.
      if (values.every((v) => typeof v === 'number')) return [parsed as Record<string, unknown>];
      return values.flatMap((v) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []));
    }
  } catch {
    // A malformed header tells us nothing; never fail a send over it.
  }
  return [];
}

export function readUsage(headers: { get(name: string): string | null }): Usage {
  const all = [
    ...entries(headers.get('x-business-use-case-usage')),
    ...entries(headers.get('x-app-usage')),
  ];
  let percent = 0;
  let regainMs = 0;
  for (const e of all) {
    for (const key of ['call_count', 'total_cputime', 'total_time']) {
      const v = Number(e[key] ?? 0);
      if (Number.isFinite(v)) percent = Math.max(percent, v);
    }
    const regain = Number(e.estimated_time_to_regain_access ?? 0);
    if (Number.isFinite(regain)) regainMs = Math.max(regainMs, regain * 60_000);
  }
  return { percent, regainMs };
}
