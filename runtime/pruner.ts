// Keeps the store bounded: shortly after start-up and then every hour, deletes handled events,
// sent or failed replies past the retention period, daily stats buckets past the stats
// retention and the sessions of long-silent subscribers (retention.ts says what is never
// deleted). The store works in short batches, so webhooks and
// sends go on while it runs.
import type { Logger } from './log';
import type { Metrics } from './metrics';
import type { Store } from './store/types';
import { DEFAULT_STATS_RETENTION_DAYS, daysToMs } from './store/retention';

export interface PrunerOptions {
  retentionDays: number;
  subscriberRetentionDays: number;
  /** Days daily stats buckets are kept (default DEFAULT_STATS_RETENTION_DAYS). */
  statsRetentionDays?: number;
  /** The first run, after start-up (default one minute). */
  firstAfterMs?: number;
  /** Between runs (default one hour). */
  everyMs?: number;
}

export class Pruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private store: Store,
    private now: () => number,
    private log: Logger,
    private metrics: Metrics,
    private options: PrunerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    const every = this.options.everyMs ?? 60 * 60 * 1000;
    const schedule = (ms: number) => {
      this.timer = setTimeout(() => {
        void this.run().finally(() => {
          if (!this.stopped) schedule(every);
        });
      }, ms);
      this.timer.unref();
    };
    schedule(this.options.firstAfterMs ?? 60 * 1000);
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One run now (tests, and the timer). */
  run(): Promise<void> {
    this.running ??= this.prune().finally(() => (this.running = undefined));
    return this.running;
  }

  private async prune(): Promise<void> {
    const started = Date.now();
    try {
      const result = await this.store.prune({
        now: this.now(),
        retentionMs: daysToMs(this.options.retentionDays),
        subscriberRetentionMs: daysToMs(this.options.subscriberRetentionDays),
        statsRetentionMs: daysToMs(this.options.statsRetentionDays ?? DEFAULT_STATS_RETENTION_DAYS),
      });
      // Where a subscriber came from goes with their conversation state.
      const subscribers = await this.store.audience.pruneOrphans();
      for (const [table, n] of Object.entries({ ...result, subscribers }))
        this.metrics.inc(
          'threadline_pruned_rows_total',
          'Rows deleted by retention.',
          { table },
          n,
        );
      if (result.events + result.outbox + result.sessions + result.stats + subscribers > 0)
        this.log.info('retention.pruned', { ...result, subscribers, ms: Date.now() - started });
    } catch (error) {
      this.log.error('retention.failed', { error: String(error) });
    }
  }
}
