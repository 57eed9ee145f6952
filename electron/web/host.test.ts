// Browser mode's host over real HTTP: the token guard and the API routes.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** A raw request, so Host and Origin can be set as a foreign page or a rebound name would. */
function rawRequest(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '[]' : undefined);
  });
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token in its fragment only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the page, which holds no data, without the token', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('answers 403 to the API without the token or with a wrong one', async () => {
    expect((await api('app.info', [])).status).toBe(403);
    expect((await api('app.info', [], { 'X-Threadline-Token': 'wrong' })).status).toBe(403);
    expect((await api('app.info', [], { Authorization: 'Bearer wrong' })).status).toBe(403);
  });

  it('never puts the token into a cookie, which every port of 127.0.0.1 would receive', async () => {
    for (const res of [
      await fetch(host.url),
      await fetch(`${host.origin}/?token=${host.token}`),
      await api('app.info', [], { 'X-Threadline-Token': host.token }),
    ]) {
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    // Nor does a cookie holding it open the API.
    const byCookie = await api('app.info', [], { Cookie: `threadline_token=${host.token}` });
    expect(byCookie.status).toBe(403);
  });

  it('forbids framing by header on every response: page, API and refusals', async () => {
    const responses = [
      await fetch(`${host.origin}/`),
      await fetch(`${host.origin}/src/main.tsx`),
      await api('app.info', [], { 'X-Threadline-Token': host.token }),
      await api('app.info', []),
    ];
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    }
  });

  it('needs the token for every path that reaches the API, however it is spelled', async () => {
    const host_ = { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json' };
    for (const path of ['/api/../xxxxapp.info', '/x/../api/app.info', '/api/./app.info']) {
      const res = await rawRequest(path, host_, 'POST');
      expect(res.status, path).toBe(403);
    }
  });

  it('accepts the token as a Bearer header, for tools', async () => {
    const res = await api('app.info', [], { Authorization: `Bearer ${host.token}` });
    expect(await res.json()).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it('refuses a call from another origin, even one that holds the token', async () => {
    const res = await rawRequest(
      '/api/app.info',
      {
        Host: `127.0.0.1:${host.port}`,
        Origin: 'http://127.0.0.1:1',
        'Content-Type': 'application/json',
        'X-Threadline-Token': host.token,
      },
      'POST',
    );
    expect(res.status).toBe(403);
    const page = await rawRequest('/', {
      Host: `127.0.0.1:${host.port}`,
      Origin: 'https://evil.example',
    });
    expect(page.status).toBe(403);
    const ours = await rawRequest(
      '/api/app.info',
      {
        Host: `localhost:${host.port}`,
        Origin: `http://localhost:${host.port}`,
        'Content-Type': 'application/json',
        'X-Threadline-Token': host.token,
      },
      'POST',
    );
    expect(ours.status).toBe(200);
  });

  it('serves only the files the renderer is built from, not the rest of the checkout', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const flows = await fetch(`${host.origin}/@fs${root}flows/index.ts`);
    expect(flows.status).toBe(200);
    for (const path of ['package.json', 'electron/web/host.ts', 'runtime/index.ts']) {
      expect((await fetch(`${host.origin}/@fs${root}${path}`)).status).toBe(403);
    }
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
    const page = await rawRequest('/', { Host: `evil.example:${host.port}` });
    expect(page.status).toBe(403);
    const api = await rawRequest(
      '/api/app.info',
      {
        Host: `evil.example:${host.port}`,
        'Content-Type': 'application/json',
        'X-Threadline-Token': host.token,
      },
      'POST',
    );
    expect(api.status).toBe(403);
  });

  it('refuses the hot-reload WebSocket from another origin', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: host.port,
        path: '/',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          Origin: 'https://evil.example',
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
