import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecoveryService } from './recovery';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-recovery-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('recovery snapshots', () => {
  const now = () => new Date('2026-01-02T03:04:05.000Z');

  it('has nothing pending on a fresh start', async () => {
    expect(await createRecoveryService(dir, now).pending()).toBeNull();
  });

  it('returns the last snapshot with its file and time', async () => {
    const recovery = createRecoveryService(dir, now);
    await recovery.snapshot({ path: '/x/shop.flow.json', text: 'first' });
    await recovery.snapshot({ path: null, text: 'second' });
    expect(await createRecoveryService(dir, now).pending()).toEqual({
      path: null,
      text: 'second',
      savedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('forgets the snapshot once discarded', async () => {
    const recovery = createRecoveryService(dir, now);
    await recovery.snapshot({ path: null, text: 'x' });
    await recovery.discard();
    expect(await recovery.pending()).toBeNull();
  });

  it('treats a damaged snapshot file as nothing pending', async () => {
    await writeFile(join(dir, 'recovery.json'), '{"path": 3');
    expect(await createRecoveryService(dir, now).pending()).toBeNull();
  });

  it('keeps the snapshot readable by its owner only', async () => {
    await createRecoveryService(dir, now).snapshot({ path: null, text: 'x' });
    expect((await stat(join(dir, 'recovery.json'))).mode & 0o777).toBe(0o600);
  });
});
