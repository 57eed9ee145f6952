import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from './contract';
import { openSqliteStore } from './sqlite';

let dir = '';
storeContract('SQLite', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'threadline-store-'));
    return openSqliteStore(join(dir, 'store.db'));
  },
  async second() {
    return openSqliteStore(join(dir, 'store.db'));
  },
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
  async exec(sql) {
    const db = new Database(join(dir, 'store.db'));
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  },
});
