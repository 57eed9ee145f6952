// Group commit for a database reached over the network. Writes are queued; one batch is written
// at a time, and whatever queued while it ran is written together in the next. Idle, a write
// waits one turn of the event loop; under load, many callers share one statement and one durable
// commit, and the batches grow by themselves as the database gets slower. Every caller's promise
// settles only after its batch committed.
interface Queued<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class Batcher<T, R> {
  private queue: Queued<T, R>[] = [];
  private scheduled = false;
  private running: Promise<void> | undefined;

  /** `write` returns one result per item, in order, or throws to fail the whole batch. */
  constructor(private write: (items: T[]) => Promise<R[]>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything queued so far is written. */
  async drain(): Promise<void> {
    while (this.running || this.queue.length) {
      if (!this.running) this.start();
      await this.running;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.running) this.start();
    });
  }

  private start(): void {
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    this.running = this.write(batch.map((q) => q.item))
      .then(
        (results) => batch.forEach((q, i) => q.resolve(results[i] as R)),
        (error: unknown) => batch.forEach((q) => q.reject(error)),
      )
      .finally(() => {
        this.running = undefined;
        if (this.queue.length) this.schedule();
      });
  }
}
