// The simulator's secrets: kept in the host's secret store (never returned to the renderer), and
// filled in by the host when it makes a simulator HTTP call through the host API.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchHostCall, serviceHandlers } from '../host-dispatch';
import { createHostServices } from './index';
import { createPlainFileSecretStore } from './secrets';
import { startTestServer } from './test-server';

let dir: string;
let server: Awaited<ReturnType<typeof startTestServer>>;
let handlers: ReturnType<typeof serviceHandlers>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'threadline-secrets-'));
  server = await startTestServer((_req, res) => res.end('{"status":"shipped"}'));
  const services = createHostServices({
    userDataDir: dir,
    secrets: createPlainFileSecretStore(join(dir, 'secrets.json')),
    mode: 'web',
  });
  handlers = serviceHandlers(services);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (channel: string, ...args: unknown[]) => dispatchHostCall(handlers, channel, args);
const request = () => ({
  method: 'GET',
  url: `${server.url}/order?key={{secret.ORDER_API_KEY}}`,
  headers: { Authorization: 'Bearer {{secret.ORDER_API_KEY}}' },
  timeoutMs: 2000,
});

describe('simulator secrets', () => {
  it('fails an HTTP call that names a secret without a value, naming it', async () => {
    expect(await call('http', request())).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'secret-missing', place: 'ORDER_API_KEY' }),
    });
    expect(server.requests).toHaveLength(0);
  });

  it('stores a value, reports only whether it is set, and fills it in at request time', async () => {
    expect(await call('secrets.set', 'ORDER_API_KEY', 'k&y 42')).toEqual({ ok: true, value: null });
    expect(await call('secrets.status', ['ORDER_API_KEY', 'OTHER'])).toEqual({
      ok: true,
      value: { ORDER_API_KEY: true, OTHER: false },
    });
    const answer = await call('http', request());
    expect(answer).toMatchObject({ ok: true, value: { status: 200 } });
    expect(server.requests.at(-1)).toMatchObject({
      url: '/order?key=k%26y%2042',
      headers: expect.objectContaining({ authorization: 'Bearer k&y 42' }),
    });
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain('simulator.ORDER_API_KEY');
  });

  it('removes a value with null, and refuses names that are not secret names', async () => {
    await call('secrets.set', 'ORDER_API_KEY', null);
    expect(await call('secrets.status', ['ORDER_API_KEY'])).toEqual({
      ok: true,
      value: { ORDER_API_KEY: false },
    });
    expect(await call('secrets.set', '../runtimeAdminToken', 'x')).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments' },
    });
  });
});
