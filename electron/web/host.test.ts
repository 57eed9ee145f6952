// Browser mode's host over real HTTP: the token guard and the API routes.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from './host';

let host: WebHost;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-web-'));
  host = await startWebHost({ userDataDir: join(dir, 'user-data') });
}, 60_000);
afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

const api = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(args),
  });

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 403 to the page and the API without the token', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(403);
    expect((await api('app.info', [])).status).toBe(403);
    expect((await api('app.info', [], { 'X-Threadline-Token': 'wrong' })).status).toBe(403);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`threadline_token=${host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await fetch(`${host.origin}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('serves the host API to a caller with the token', async () => {
    const res = await api('app.info', [], { 'X-Threadline-Token': host.token });
    expect(await res.json()).toMatchObject({
      ok: true,
      value: { name: 'Threadline', mode: 'web' },
    });
  });

  it('validates API arguments with the same schemas as IPC', async () => {
    const res = await api('documents.open', [42], { 'X-Threadline-Token': host.token });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });

  it('accepts only JSON posts on the API, so no cross-site form can reach it', async () => {
    const res = await fetch(`${host.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Threadline-Token': host.token },
      body: '[]',
    });
    expect(res.status).toBe(415);
  });

  it('refuses a request whose Host header is not ours, even with the token', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/',
          headers: { Host: `evil.example:${host.port}`, 'X-Threadline-Token': host.token },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses the hot-reload WebSocket without the token', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: host.port,
        path: '/',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Protocol': 'vite-hmr',
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('says so when the port is taken, and leaves nothing running', async () => {
    await expect(
      startWebHost({ port: host.port, userDataDir: join(dir, 'other') }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
