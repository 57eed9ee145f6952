// The active flow, read from the store once per revision: every lane asks for it for every
// event, so concurrent lanes share one load in flight instead of each reading the compiled flow
// (at 20,000 nodes a read costs more than the event). A publish or rollback on this instance
// drops it at once; one on another instance does too when the store announces flow changes
// (PostgreSQL's LISTEN/NOTIFY). The time-to-live is only a safety net: one second for a store
// that cannot announce changes, a minute for one that can. When it runs out, a store that can
// name its active revision cheaply is asked that first, and an unchanged revision keeps the
// flow in memory (re-reading and validating a 20,000-node flow every second slowed every lane).
import type { ActiveFlow, Store } from './store/types';

export class FlowCache {
  private cached: { flow: ActiveFlow | undefined; at: number } | undefined;
  private loading: Promise<ActiveFlow | undefined> | undefined;
  /** Bumped by every invalidation, so a load that started before one is not kept after it. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly unwatch: (() => void) | undefined;

  constructor(
    private store: Store,
    private now: () => number,
    ttlMs?: number,
  ) {
    this.unwatch = store.watchFlows?.(() => this.invalidate());
    this.ttlMs = ttlMs ?? (this.unwatch ? 60_000 : 1000);
  }

  active(): Promise<ActiveFlow | undefined> {
    const now = this.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return Promise.resolve(this.cached.flow);
    if (this.loading) return this.loading;
    const generation = this.generation;
    const kept = this.cached?.flow;
    const check = this.store.activeRevision?.bind(this.store);
    const load =
      kept && check
        ? check().then((active) =>
            active?.flowId === kept.flowId && active.revision === kept.revision
              ? kept
              : this.store.activeFlow(),
          )
        : this.store.activeFlow();
    const loading = load.then(
      (flow) => {
        if (this.generation === generation) {
          this.cached = { flow, at: now };
          this.loading = undefined;
        }
        return flow;
      },
      (error: unknown) => {
        if (this.generation === generation) this.loading = undefined;
        throw error;
      },
    );
    this.loading = loading;
    return loading;
  }

  /** The active revision changed: the next caller loads it (a load in flight is not reused). */
  invalidate(): void {
    this.generation++;
    this.cached = undefined;
    this.loading = undefined;
  }

  /** Stops listening for changes announced by the store. */
  close(): void {
    this.unwatch?.();
  }
}
