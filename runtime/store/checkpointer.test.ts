import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../testing/wait';
import { startCheckpointer } from './checkpointer';

const dir = mkdtempSync(join(tmpdir(), 'threadline-checkpoint-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the checkpointer thread', () => {
  it('copies the WAL into the database file while this thread keeps the connection', async () => {
    const file = join(dir, 'c.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run('x'.repeat(1000));
    })();
    const before = statSync(file).size;
    expect(before).toBeLessThan(100_000); // everything is still in the WAL

    const checkpointer = startCheckpointer(file, 20);
    await waitUntil(() => statSync(file).size > 900_000);
    await checkpointer.stop();
    insert.run('still writable');
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1001 });
    db.close();
  });
});
