// The Graph client answers the same whether its POSTs run on the worker thread or on this one:
// success with usage headers, Graph errors, non-JSON failures, timeouts, refused connections.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClient } from './graph';

let server: http.Server;
let url: string;
const seen: { path: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ path: req.url ?? '', body });
      const kind = (JSON.parse(body) as { kind: string }).kind;
      if (kind === 'ok')
        res
          .writeHead(200, {
            'content-type': 'application/json',
            'x-app-usage': JSON.stringify({ call_count: 80, total_time: 10, total_cputime: 5 }),
          })
          .end(JSON.stringify({ recipient_id: 'u1', message_id: 'm.1' }));
      else if (kind === 'graph-error')
        res.writeHead(400, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: {
              message: 'No matching user found',
              type: 'OAuthException',
              code: 100,
              error_subcode: 2018001,
            },
          }),
        );
      else if (kind === 'html') res.writeHead(502).end('<html>Bad gateway</html>');
      // 'silent': never answers, the client's timeout ends the call.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v23.0`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const clients = (graphUrl: string): [GraphClient, GraphClient] => [
  createGraphClient({ graphUrl, pageToken: 'tok en', timeoutMs: 300 }),
  createGraphClient({ graphUrl, pageToken: 'tok en', timeoutMs: 300, thread: true }),
];

describe('Graph client on a worker thread', () => {
  it('answers every kind of outcome as the in-thread client does', async () => {
    const [inline, threaded] = clients(url);
    try {
      for (const kind of ['ok', 'graph-error', 'html', 'silent']) {
        seen.length = 0;
        const a = await inline.post('/me/messages', { kind, text: 'ünïcödé 👟' });
        const b = await threaded.post('/me/messages', { kind, text: 'ünïcödé 👟' });
        expect(b, kind).toEqual(a);
        // Both sent the same request: path, token and body.
        expect(seen).toHaveLength(2);
        expect(seen[1]).toEqual(seen[0]);
        expect(seen[0]!.path).toBe('/v23.0/me/messages?access_token=tok%20en');
      }
      const ok = await threaded.post('/me/messages', { kind: 'ok' });
      expect(ok).toMatchObject({ ok: true, body: { message_id: 'm.1' }, usage: { percent: 80 } });
      const timeout = await threaded.post('/me/messages', { kind: 'silent' });
      expect(timeout).toMatchObject({ ok: false, status: 0, network: 'TimeoutError' });
    } finally {
      inline.close();
      threaded.close();
    }
  });

  it('reports a refused connection as a network error, as the in-thread client does', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [inline, threaded] = clients(`http://127.0.0.1:${port}`);
    try {
      const a = await inline.post('/me/messages', { kind: 'ok' });
      expect(a).toMatchObject({ ok: false, status: 0, network: 'network-error' });
      expect(await threaded.post('/me/messages', { kind: 'ok' })).toEqual(a);
    } finally {
      inline.close();
      threaded.close();
    }
  });

  it('makes its calls itself once the thread is gone', async () => {
    const [, threaded] = clients(url);
    threaded.close(); // ends the thread; a later call must still be made
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await threaded.post('/me/messages', { kind: 'ok' });
    expect(answer).toMatchObject({ ok: true, body: { message_id: 'm.1' } });
  });
});
