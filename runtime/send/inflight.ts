// A cap on the Send API calls in flight per Page. A call counts from just before it is made
// until its result is recorded in the store, so when the process dies, at most `perPage` replies
// a Page can have reached Messenger without the runtime knowing: after a restart, those and no
// others are sent again (the Send API has no idempotency key). The cap is the bound on replies
// sent twice per crash, and also caps throughput at about perPage / (call + commit latency).
export class SendSlots {
  private pages = new Map<string, { busy: number; waiting: (() => void)[] }>();

  constructor(readonly perPage: number) {
    if (!Number.isInteger(perPage) || perPage < 1)
      throw new Error(`sends in flight must be a whole number of 1 or more, got ${perPage}`);
  }

  /** Waits for a free slot of this Page; call the returned function once the result is stored. */
  async acquire(pageId: string): Promise<() => void> {
    let page = this.pages.get(pageId);
    if (!page) this.pages.set(pageId, (page = { busy: 0, waiting: [] }));
    const state = page;
    if (state.busy < this.perPage) state.busy++;
    // The slot is handed over by release(), busy stays counted.
    else await new Promise<void>((resolve) => state.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      if (next) next();
      else state.busy--;
    };
  }

  /** Calls in flight for this Page now. */
  inFlight(pageId: string): number {
    return this.pages.get(pageId)?.busy ?? 0;
  }
}
