// Secrets (the runtime admin token, the simulator's values of flows' named secrets). The renderer never reads them: the
// host uses them when it publishes. Two stores behind one interface: Electron's safeStorage
// (encrypted with the OS keychain) and, for browser mode, a plain file only its owner may read.
import { chmod } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { readJsonFile } from './json-file';
import { ServiceError } from './service-error';

/** The runtime admin token, and the simulator's value of each named flow secret. */
export type SecretName = 'runtimeAdminToken' | `simulator.${string}`;

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string | null): Promise<void>;
}

const SecretFile = z.object({
  note: z.string().optional(),
  secrets: z.record(z.string(), z.string()),
});

/** The part of Electron's safeStorage that we use; injected so it can be tested in plain Node. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const PLAIN_NOTE =
  'Threadline browser mode keeps these secrets UNENCRYPTED in this file (mode 0600, readable by ' +
  'your user only). The desktop app encrypts them with the system keychain instead.';

function createJsonSecretStore(
  path: string,
  encode: (value: string) => string,
  decode: (stored: string) => string,
  note?: string,
): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async () => (await readJsonFile(path, SecretFile))?.secrets ?? {};
  return {
    async get(name) {
      const stored = (await read())[name];
      return stored === undefined ? null : decode(stored);
    },
    set(name, value) {
      const next = queue.then(async () => {
        const secrets = { ...(await read()) };
        if (value === null) delete secrets[name];
        else secrets[name] = encode(value);
        await writeFileAtomic(path, `${JSON.stringify({ note, secrets }, null, 2)}\n`, 0o600);
        await chmod(path, 0o600);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** Browser mode: plain text in a 0600 file, with a note in the file saying so. */
export function createPlainFileSecretStore(path: string): SecretStore {
  return createJsonSecretStore(
    path,
    (v) => v,
    (v) => v,
    PLAIN_NOTE,
  );
}

/** Desktop: each value encrypted with safeStorage; refuses to store when encryption is missing. */
export function createSafeStorageSecretStore(path: string, safe: SafeStorageLike): SecretStore {
  const requireEncryption = () => {
    if (!safe.isEncryptionAvailable()) {
      throw new ServiceError(
        'no-encryption',
        path,
        'The system keychain is not available, so Threadline cannot store secrets safely',
      );
    }
  };
  return createJsonSecretStore(
    path,
    (value) => {
      requireEncryption();
      return safe.encryptString(value).toString('base64');
    },
    (stored) => {
      requireEncryption();
      return safe.decryptString(Buffer.from(stored, 'base64'));
    },
  );
}
