// Group commit for webhook events: requests that arrive in the same turn of the event loop are
// stored in one transaction, and each is answered only after that transaction committed.
import type { InboxItem, Store } from '../store/types';

interface Waiting {
  items: InboxItem[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class InboxBatcher {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private store: Store,
    private now: () => number,
    private onFlushed: (received: number, stored: number) => void,
  ) {}

  /** Resolves once the items are durably stored. */
  add(items: InboxItem[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.waiting.splice(0);
    const items = batch.flatMap((w) => w.items);
    try {
      const stored = items.length ? await this.store.insertEvents(items, this.now()) : 0;
      for (const w of batch) w.resolve();
      this.onFlushed(items.length, stored);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
