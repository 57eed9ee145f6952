// Recovery snapshots: the unsaved edits, kept in one file in the user data directory, so a crash
// loses at most the time since the renderer's last snapshot.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecoverySnapshot } from '../host-api';
import { writeFileAtomic } from './atomic-write';
import { readJsonFile } from './json-file';

const StoredSnapshot = z.strictObject({
  path: z.string().nullable(),
  text: z.string(),
  savedAt: z.string(),
});

export interface RecoveryService {
  snapshot(snapshot: { path: string | null; text: string }): Promise<void>;
  pending(): Promise<RecoverySnapshot | null>;
  discard(): Promise<void>;
}

export function createRecoveryService(
  userDataDir: string,
  now: () => Date = () => new Date(),
): RecoveryService {
  const file = join(userDataDir, 'recovery.json');
  return {
    async snapshot({ path, text }) {
      const stored = { path, text, savedAt: now().toISOString() };
      await writeFileAtomic(file, JSON.stringify(stored), 0o600);
    },
    pending: () => readJsonFile(file, StoredSnapshot),
    async discard() {
      await rm(file, { force: true });
    },
  };
}
