// Group commit for the embedded store. A SQLite commit is the expensive part of a write (the WAL
// append), and under load many lanes and webhook requests write in the same turn of the event
// loop. Writes queued in one turn run together in one transaction, each in its own savepoint
// (so one that throws rolls back alone, exactly as if it had its own transaction), and every
// caller's promise settles only after the shared COMMIT: a caller that sees its write done sees
// it durable, as before. Callers only wait one turn of the event loop longer. A write that is one
// statement needs no savepoint (SQLite undoes a failed statement by itself), so `single` writes
// skip it: savepoint statements were a good part of the cost of a message.
import type { Database } from 'better-sqlite3';

interface Queued {
  op: () => unknown;
  single: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  private readonly flushAll: (batch: Queued[]) => Outcome[];

  constructor(db: Database) {
    // Nested better-sqlite3 transactions are savepoints of the outer one.
    const isolated = db.transaction((op: () => unknown) => op());
    this.flushAll = db.transaction((batch: Queued[]) =>
      batch.map((q): Outcome => {
        try {
          return { ok: true, value: q.single ? q.op() : isolated(q.op) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /**
   * Runs `op` atomically in the next group transaction; resolves after that commit. `single`:
   * the op runs one statement (or throws before its first), so it needs no savepoint of its own.
   */
  run<T>(op: () => T, single = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, single, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Commits whatever is queued now (also used before closing the database). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.flushAll(batch);
    } catch (error) {
      // The COMMIT itself failed: nothing of the batch is stored, so every caller hears so.
      for (const q of batch) q.reject(error);
      return;
    }
    for (let i = 0; i < batch.length; i++) {
      const outcome = outcomes[i]!;
      if (outcome.ok) batch[i]!.resolve(outcome.value);
      else batch[i]!.reject(outcome.error);
    }
  }
}
