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
});
