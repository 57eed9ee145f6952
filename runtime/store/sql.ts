// A small SQL runner both stores hand to the code that needs no hot-path tuning (audience.ts):
// the same statement text for SQLite and PostgreSQL, written with `?` placeholders.
import type { Database, Statement } from 'better-sqlite3';
import type pg from 'pg';
import type { Row } from './rows';

export interface SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** The rows a read returns. */
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs the statements in one transaction, in order; each one's count of changed rows. */
  batch(statements: [sql: string, params: unknown[]][]): Promise<number[]>;
}

/** SQLite: reads at once; writes join the store's group commit, each batch in its savepoint. */
export function sqliteRunner(db: Database, write: <T>(op: () => T) => Promise<T>): SqlRunner {
  const prepared = new Map<string, Statement<unknown[]>>();
  const prepare = (sql: string) => {
    let stmt = prepared.get(sql);
    if (!stmt) prepared.set(sql, (stmt = db.prepare<unknown[]>(sql)));
    return stmt;
  };
  return {
    dialect: 'sqlite',
    all: async (sql, params = []) => prepare(sql).all(...params) as Row[],
    batch: (statements) =>
      write(() => statements.map(([sql, params]) => prepare(sql).run(...params).changes)),
  };
}

/** `?` placeholders become `$1`, `$2`, ... (no statement here has a `?` inside a literal). */
export function toPostgres(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function postgresRunner(pool: pg.Pool): SqlRunner {
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await pool.query(toPostgres(sql), params)).rows as Row[],
    batch: async (statements) => {
      // One statement is its own transaction: no BEGIN and COMMIT round trips.
      if (statements.length === 1) {
        const [sql, params] = statements[0]!;
        return [(await pool.query(toPostgres(sql), params)).rowCount ?? 0];
      }
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const counts: number[] = [];
        for (const [sql, params] of statements)
          counts.push((await client.query(toPostgres(sql), params)).rowCount ?? 0);
        await client.query('COMMIT');
        return counts;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
