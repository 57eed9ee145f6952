// Counters and one latency histogram, rendered in the Prometheus text format for GET /metrics.
type Labels = Record<string, string>;

/** A label value in the text format: backslash, double quote and line feed escaped. */
const escapeLabelValue = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** HELP text escapes backslash and line feed only. */
const escapeHelp = (help: string) => help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${escapeLabelValue(v)}"`)
    .join(',');

const BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000];

export class Metrics {
  private counters = new Map<string, { help: string; values: Map<string, number> }>();
  private ack = { counts: BUCKETS_MS.map(() => 0), sum: 0, count: 0 };

  inc(name: string, help: string, labels: Labels = {}, by = 1): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = { help, values: new Map() };
      this.counters.set(name, counter);
    }
    const k = key(labels);
    counter.values.set(k, (counter.values.get(k) ?? 0) + by);
  }

  get(name: string, labels: Labels = {}): number {
    return this.counters.get(name)?.values.get(key(labels)) ?? 0;
  }

  /** `le` is inclusive: a time equal to a bound counts in that bucket (and every later one). */
  observeAck(ms: number): void {
    this.ack.sum += ms;
    this.ack.count++;
    BUCKETS_MS.forEach((b, i) => {
      if (ms <= b) this.ack.counts[i]!++;
    });
  }

  render(gauges: Record<string, { help: string; value: number }> = {}): string {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} counter`);
      for (const [labels, v] of values) lines.push(`${name}${labels ? `{${labels}}` : ''} ${v}`);
    }
    for (const [name, { help, value }] of Object.entries(gauges)) {
      lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} gauge`, `${name} ${value}`);
    }
    const h = 'threadline_webhook_ack_seconds';
    lines.push(`# HELP ${h} Time from a webhook request to its 200.`, `# TYPE ${h} histogram`);
    BUCKETS_MS.forEach((b, i) => lines.push(`${h}_bucket{le="${b / 1000}"} ${this.ack.counts[i]}`));
    lines.push(`${h}_bucket{le="+Inf"} ${this.ack.count}`);
    lines.push(`${h}_sum ${this.ack.sum / 1000}`, `${h}_count ${this.ack.count}`);
    return lines.join('\n') + '\n';
  }
}
