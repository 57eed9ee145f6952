// The real PostgreSQL server for tests (127.0.0.1:5432, trust auth, database test), one unique
// schema per test run, dropped afterwards. Unreachable means a failing test with a clear
// message, never a silent skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL =
  process.env.THREADLINE_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

export function uniqueSchema(): string {
  return `tl_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function assertPostgresReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is unreachable at ${POSTGRES_URL} (${(error as Error).message}). ` +
        'Start it or set THREADLINE_TEST_POSTGRES; these tests need the real server.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
