// The simulator answers an HTTP node whose secret has no value the way the runtime does: through
// the node's `error` output, with the reason, instead of asking the tester.
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/host-api';
import { createHttpResolver } from './httpResolver';

const request = {
  type: 'http_request' as const,
  step: 'call',
  requestId: 'call@1.1',
  method: 'GET' as const,
  url: 'https://api.example.com/x?key={{secret.ORDER_API_KEY}}',
  headers: {},
  timeoutMs: 1000,
};

describe('the simulator HTTP resolver', () => {
  it('takes the error output when the host has no value for a secret', async () => {
    const asked: string[] = [];
    const resolve = createHttpResolver({
      settings: () => ({ liveHttp: true, canned: {} }) as never,
      callHost: () =>
        Promise.reject(
          new HostError('secret-missing', 'ORDER_API_KEY', 'Missing secret: ORDER_API_KEY.'),
        ),
      ask: async (prompt) => (asked.push(prompt.reason), { status: 200 }),
    });
    expect(await resolve(request)).toEqual({ error: 'Missing secret: ORDER_API_KEY.' });
    expect(asked).toEqual([]);
  });

  it('still asks the tester when the call itself fails', async () => {
    const resolve = createHttpResolver({
      settings: () => ({ liveHttp: true, canned: {} }) as never,
      callHost: () => Promise.reject(new HostError('http-failed', 'x', 'offline')),
      ask: async () => ({ status: 503 }),
    });
    expect(await resolve(request)).toEqual({ status: 503 });
  });
});
