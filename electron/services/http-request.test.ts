import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performHttpRequest } from './http-request';
import { startTestServer } from './test-server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': req.method });
    res.end(JSON.stringify({ got: req.body }));
  });
});
afterAll(() => server.close());

describe('http for the simulator', () => {
  it('makes a real request and returns status, headers and body', async () => {
    const response = await performHttpRequest({
      method: 'POST',
      url: `${server.url}/orders`,
      headers: { 'Content-Type': 'application/json' },
      body: '{"id":7}',
      timeoutMs: 5_000,
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-echo']).toBe('POST');
    expect(JSON.parse(response.body)).toEqual({ got: '{"id":7}' });
  });

  it('gives up after the timeout with an http-timeout error', async () => {
    await expect(
      performHttpRequest({ method: 'GET', url: `${server.url}/slow`, timeoutMs: 100 }),
    ).rejects.toMatchObject({ code: 'http-timeout', place: `${server.url}/slow` });
  });

  it('reports a refused connection as http-failed', async () => {
    await expect(
      performHttpRequest({ method: 'GET', url: 'http://127.0.0.1:1/', timeoutMs: 2_000 }),
    ).rejects.toMatchObject({ code: 'http-failed' });
  });
});
