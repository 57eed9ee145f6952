// Counts the queries every pg client of this process sends, for the round-trip test and the
// PostgreSQL benchmark. Every query is one round trip; a durable commit is an explicit COMMIT or
// a statement outside one that changed rows (one that changed none writes no commit record to
// flush).
import pg from 'pg';

export interface QueryCount {
  trips: number;
  /** Of those, statements that found and changed nothing (idle polls of an instance). */
  idleTrips: number;
  commits: number;
  /** Round trips by statement, to see where they go when the count is off. */
  bySql: Map<string, number>;
}

type Callback = (error: Error | null, result?: pg.QueryResult) => void;

/** Counts every query of every pg client of this process until the returned stop() is called. */
export function countQueries(): { count: QueryCount; stop: () => void } {
  const proto = pg.Client.prototype as unknown as {
    query: (config: unknown, values?: unknown, callback?: unknown) => unknown;
  };
  const original = proto.query;
  const count: QueryCount = { trips: 0, idleTrips: 0, commits: 0, bySql: new Map() };
  const inTransaction = new WeakSet<object>();
  proto.query = function (this: object, config: unknown, values?: unknown, callback?: unknown) {
    const sql = (typeof config === 'string' ? config : (config as { text: string }).text).trim();
    count.trips++;
    const key = sql.replace(/\s+/g, ' ').slice(0, 60);
    count.bySql.set(key, (count.bySql.get(key) ?? 0) + 1);
    const note = (result: pg.QueryResult | undefined) => {
      if (!/^(BEGIN|COMMIT|ROLLBACK)/i.test(sql) && result?.rowCount === 0) count.idleTrips++;
      if (/^BEGIN/i.test(sql)) inTransaction.add(this);
      else if (/^(COMMIT|ROLLBACK)/i.test(sql)) {
        inTransaction.delete(this);
        if (/^COMMIT/i.test(sql)) count.commits++;
      } else if (
        !inTransaction.has(this) &&
        /\b(INSERT|UPDATE|DELETE)\b/i.test(sql) &&
        // The send buckets are an unlogged table: updating them flushes nothing.
        !/send_buckets/.test(sql) &&
        (result?.rowCount ?? 0) > 0
      )
        count.commits++;
    };
    const wrap =
      (cb: Callback): Callback =>
      (error, result) => {
        if (!error) note(result);
        cb(error, result);
      };
    if (typeof values === 'function') return original.call(this, config, wrap(values as Callback));
    if (typeof callback === 'function')
      return original.call(this, config, values, wrap(callback as Callback));
    const done = original.call(this, config, values) as Promise<pg.QueryResult>;
    return done.then((result) => {
      note(result);
      return result;
    });
  };
  return { count, stop: () => void (proto.query = original) };
}
