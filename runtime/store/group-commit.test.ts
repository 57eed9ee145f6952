import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

let dir: string;
let db: Database.Database;
let reader: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadline-group-'));
  db = new Database(join(dir, 'g.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)');
  reader = new Database(join(dir, 'g.db'), { readonly: true });
});
afterEach(() => {
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const committed = () =>
  (reader.prepare('SELECT v FROM t ORDER BY v').all() as { v: number }[]).map((r) => r.v);

describe('group commit', () => {
  it('stores writes of one turn in one transaction, visible to others once their promises resolve', async () => {
    const group = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const writes = [1, 2, 3].map((v) => group.run(() => insert.run(v).changes));
    expect(committed()).toEqual([]); // queued, not yet written
    expect(await Promise.all(writes)).toEqual([1, 1, 1]);
    expect(committed()).toEqual([1, 2, 3]);
  });

  it('rolls back only the write that threw, and tells only its caller', async () => {
    const group = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const good = group.run(() => insert.run(1));
    const bad = group.run(() => {
      insert.run(2);
      throw new Error('fenced');
    });
    const after = group.run(() => insert.run(3));
    await expect(bad).rejects.toThrow('fenced');
    await good;
    await after;
    expect(committed()).toEqual([1, 3]);
  });

  it('runs single-statement writes without a savepoint, a failed one undone by SQLite', async () => {
    const statements: string[] = [];
    const traced = new Database(join(dir, 'g.db'), {
      verbose: (sql) => statements.push(String(sql)),
    });
    const tracedGroup = new GroupCommit(traced);
    const insert = traced.prepare('INSERT INTO t (v) VALUES (?)');
    const one = tracedGroup.run(() => insert.run(1), true);
    const duplicate = tracedGroup.run(() => insert.run(1), true);
    const two = tracedGroup.run(() => insert.run(2), true);
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    await Promise.all([one, two]);
    expect(committed()).toEqual([1, 2]);
    expect(statements.filter((sql) => /SAVEPOINT/i.test(sql))).toEqual([]);
    // Isolated writes still get one savepoint each.
    statements.length = 0;
    await tracedGroup.run(() => insert.run(3));
    expect(statements.filter((sql) => /^SAVEPOINT/i.test(sql))).toHaveLength(1);
    traced.close();
  });

  it('commits what is queued when flushed at once, as before closing', async () => {
    const group = new GroupCommit(db);
    const write = group.run(() => db.prepare('INSERT INTO t (v) VALUES (7)').run());
    group.flush();
    expect(committed()).toEqual([7]);
    await write;
  });
});
