// The active flow, read from the store at most once a second: another instance may publish, and
// reading the compiled flow for every event would cost more than the event.
import type { ActiveFlow, Store } from './store/types';

export class FlowCache {
  private cached: { flow: ActiveFlow | undefined; at: number } | undefined;
  constructor(
    private store: Store,
    private now: () => number,
    private ttlMs = 1000,
  ) {}

  async active(): Promise<ActiveFlow | undefined> {
    const now = this.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.flow;
    const flow = await this.store.activeFlow();
    this.cached = { flow, at: now };
    return flow;
  }

  /** A publish or rollback on this instance takes effect at once. */
  invalidate(): void {
    this.cached = undefined;
  }
}
