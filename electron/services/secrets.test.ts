import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPlainFileSecretStore,
  createSafeStorageSecretStore,
  type SafeStorageLike,
} from './secrets';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Stands in for safeStorage: a reversible transformation, so plain text never hits the file. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (data) => [...data.toString().slice(4)].reverse().join(''),
  };
}

describe('browser-mode secret store', () => {
  it('stores a secret in a file that only its owner may read, with a note saying so', async () => {
    const path = join(dir, 'secrets.json');
    await createPlainFileSecretStore(path).set('runtimeAdminToken', 's3cret');
    expect(await createPlainFileSecretStore(path).get('runtimeAdminToken')).toBe('s3cret');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toContain('UNENCRYPTED');
  });

  it('forgets a secret set to null', async () => {
    const store = createPlainFileSecretStore(join(dir, 'secrets.json'));
    await store.set('runtimeAdminToken', 'x');
    await store.set('runtimeAdminToken', null);
    expect(await store.get('runtimeAdminToken')).toBeNull();
  });
});

describe('safeStorage secret store', () => {
  it('never writes the secret in plain text, and reads it back', async () => {
    const path = join(dir, 'secrets.json');
    await createSafeStorageSecretStore(path, fakeSafeStorage()).set('runtimeAdminToken', 'tok-123');
    expect(await readFile(path, 'utf8')).not.toContain('tok-123');
    const again = createSafeStorageSecretStore(path, fakeSafeStorage());
    expect(await again.get('runtimeAdminToken')).toBe('tok-123');
  });

  it('refuses to store a secret when the system keychain is unavailable', async () => {
    const store = createSafeStorageSecretStore(join(dir, 's.json'), fakeSafeStorage(false));
    await expect(store.set('runtimeAdminToken', 'x')).rejects.toMatchObject({
      code: 'no-encryption',
    });
  });
});
