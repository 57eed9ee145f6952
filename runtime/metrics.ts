// The runtime's metrics for GET /metrics, kept by prom-client in a registry of this runtime's own
// (tests start several runtimes in one process; the global registry would mix their counts).
// Counters and gauges are made on first use, by name, with the label names of that first use.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

type Labels = Record<string, string>;

/** Labels in name order, so the rendered series reads the same whatever order a caller used. */
const sorted = (labels: Labels): Labels =>
  Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Webhook acknowledgement buckets, in seconds (1 ms to 5 s); `le` is inclusive. */
const ACK_BUCKETS_S = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

export class Metrics {
  readonly registry = new Registry();
  private counters = new Map<string, Counter>();
  private gauges = new Map<string, Gauge>();
  private ack = new Histogram({
    name: 'threadline_webhook_ack_seconds',
    help: 'Time from a webhook request to its 200.',
    buckets: ACK_BUCKETS_S,
    registers: [this.registry],
  });

  /** prom-client's Prometheus text format content type. */
  get contentType(): string {
    return this.registry.contentType;
  }

  inc(name: string, help: string, labels: Labels = {}, by = 1): void {
    const ordered = sorted(labels);
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new Counter({
        name,
        help,
        labelNames: Object.keys(ordered),
        registers: [this.registry],
      });
      this.counters.set(name, counter);
    }
    counter.inc(ordered, by);
  }

  /** A counter's current value for these labels; 0 for a counter or series never counted. */
  async get(name: string, labels: Labels = {}): Promise<number> {
    const counter = this.counters.get(name);
    if (!counter) return 0;
    const { values } = await counter.get();
    const wanted = Object.entries(labels);
    const found = values.find(
      (v) =>
        Object.keys(v.labels).length === wanted.length &&
        wanted.every(([k, value]) => v.labels[k] === value),
    );
    return found?.value ?? 0;
  }

  observeAck(ms: number): void {
    this.ack.observe(ms / 1000);
  }

  /** The text for GET /metrics, with these gauges set to their current values first. */
  async render(gauges: Record<string, { help: string; value: number }> = {}): Promise<string> {
    for (const [name, { help, value }] of Object.entries(gauges)) {
      let gauge = this.gauges.get(name);
      if (!gauge) {
        gauge = new Gauge({ name, help, registers: [this.registry] });
        this.gauges.set(name, gauge);
      }
      gauge.set(value);
    }
    return this.registry.metrics();
  }
}
