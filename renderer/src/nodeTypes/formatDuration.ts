// Delays read as durations ("1h 30m"), not as a number of seconds.
const UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
] as const;

export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds <= 0) return '0s';
  let rest = Math.round(totalSeconds);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.join(' ');
}

/** Reads "1h 30m", "90m", "45s" or a plain number of seconds; null when unreadable. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const pattern = /(\d+(?:\.\d+)?)\s*([dhms])/g;
  let total = 0;
  let consumed = '';
  for (const match of trimmed.matchAll(pattern)) {
    const size = UNITS.find(([u]) => u === match[2])?.[1] ?? 0;
    total += Number(match[1]) * size;
    consumed += match[0];
  }
  return consumed.replace(/\s/g, '') === trimmed.replace(/\s/g, '') && consumed ? total : null;
}
