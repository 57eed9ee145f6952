// Delays are stored as a due time on the session; this turns the due ones into timer events in
// the inbox (exactly once, also across instances) and wakes the worker. Because the due time is
// in the store, a restart resumes delays that fell due while the runtime was down.
import type { Logger } from './log';
import type { Store } from './store/types';

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private store: Store,
    private now: () => number,
    private onFired: () => void,
    private log: Logger,
    private intervalMs = 250,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      let total = 0;
      // Bounded batches so a backlog after downtime cannot hold one transaction for long.
      for (let i = 0; i < 20; i++) {
        const fired = await this.store.fireDueDelays(this.now(), 500);
        total += fired;
        if (fired < 500) break;
      }
      if (total > 0) {
        this.log.info('scheduler.fired', { count: total });
        this.onFired();
      }
      return total;
    } catch (error) {
      this.log.error('scheduler.failed', { error: String(error) });
      return 0;
    } finally {
      this.running = false;
    }
  }
}
