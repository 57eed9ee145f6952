import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuntimeService } from './runtime-publish';
import { createPlainFileSecretStore } from './secrets';
import { createSettingsService } from './settings';
import { startTestServer } from './test-server';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-publish-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function service() {
  return createRuntimeService({
    settings: createSettingsService(dir),
    secrets: createPlainFileSecretStore(join(dir, 'secrets.json')),
  });
}

describe('runtime publish', () => {
  it('PUTs the compiled flow to /api/flows/:id with the stored bearer token', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"revision":"r1"}');
    });
    try {
      const runtime = service();
      await runtime.setConnection(server.url, 'admin-token');
      const result = await runtime.publish('shop', '{"format":"threadline.compiled"}');
      expect(result).toEqual({ ok: true, status: 201, body: { revision: 'r1' } });
      expect(server.requests[0]).toMatchObject({
        method: 'PUT',
        url: '/api/flows/shop',
        body: '{"format":"threadline.compiled"}',
      });
      expect(server.requests[0]?.headers.authorization).toBe('Bearer admin-token');
      expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    } finally {
      await server.close();
    }
  });

  it("passes the runtime's refusal back with its status and reasons", async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(400).end('{"errors":["no entry"]}');
    });
    try {
      const runtime = service();
      await runtime.setConnection(`${server.url}/`, 'admin-token');
      expect(await runtime.publish('shop', '{}')).toEqual({
        ok: false,
        status: 400,
        body: { errors: ['no entry'] },
      });
      expect(server.requests[0]?.url).toBe('/api/flows/shop');
    } finally {
      await server.close();
    }
  });

  it('tells the renderer whether a token is stored, never the token', async () => {
    const runtime = service();
    expect(await runtime.connection()).toBeNull();
    await runtime.setConnection('http://127.0.0.1:1', 'tok');
    expect(await runtime.connection()).toEqual({ url: 'http://127.0.0.1:1', hasToken: true });
    await runtime.setConnection('http://127.0.0.1:1', null);
    expect(await runtime.connection()).toEqual({ url: 'http://127.0.0.1:1', hasToken: false });
  });

  it('answers null for the active revision of a flow the runtime does not know', async () => {
    const server = await startTestServer((_req, res) => res.writeHead(404).end('{}'));
    try {
      const runtime = service();
      await runtime.setConnection(server.url, 't');
      expect(await runtime.active('shop')).toBeNull();
      expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/api/flows/shop' });
    } finally {
      await server.close();
    }
  });

  it('reports an unreachable runtime as a value with its URL', async () => {
    const server = await startTestServer(() => undefined);
    await server.close();
    const runtime = service();
    await runtime.setConnection(server.url, 't');
    await expect(runtime.publish('shop', '{}')).rejects.toMatchObject({
      code: 'runtime-unreachable',
      place: `${server.url}/api/flows/shop`,
    });
  });

  it('refuses to publish before a runtime is connected, or with a bad flow id', async () => {
    await expect(service().publish('shop', '{}')).rejects.toMatchObject({ code: 'no-runtime' });
    await expect(service().publish('../admin', '{}')).rejects.toMatchObject({
      code: 'bad-flow-id',
    });
  });

  it('wraps the flow as { compiled, moves } when sessions waiting at removed nodes move', async () => {
    const server = await startTestServer((_req, res) => res.writeHead(200).end('{"revision":"r"}'));
    try {
      const runtime = service();
      await runtime.setConnection(server.url, 't');
      await runtime.publish('shop', '{"flowId":"shop"}', { 'n-old': 'n-new', 'n-gone': null });
      expect(JSON.parse(server.requests[0]!.body)).toEqual({
        compiled: { flowId: 'shop' },
        moves: { 'n-old': 'n-new', 'n-gone': null },
      });
    } finally {
      await server.close();
    }
  });

  it('lists revisions, rolls back, reads stats with their query and the waiting sessions', async () => {
    const server = await startTestServer((req, res) => {
      if (req.url.endsWith('/waiting')) return void res.writeHead(404).end('{}');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":1}');
    });
    try {
      const runtime = service();
      await runtime.setConnection(server.url, 'tok');
      const rev = 'a'.repeat(64);
      expect(await runtime.revisions('shop')).toEqual({ ok: 1 });
      expect(await runtime.rollback('shop', rev)).toEqual({
        ok: true,
        status: 200,
        body: { ok: 1 },
      });
      await runtime.stats('shop', { from: '2026-11-01', to: '2026-11-29', goal: 'n-thanks' });
      await runtime.stats('shop', {});
      expect(await runtime.waiting('shop')).toBeNull();
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /api/flows/shop/revisions',
        'POST /api/flows/shop/rollback',
        'GET /api/flows/shop/stats?from=2026-11-01&to=2026-11-29&goal=n-thanks',
        'GET /api/flows/shop/stats',
        'GET /api/flows/shop/waiting',
      ]);
      expect(JSON.parse(server.requests[1]!.body)).toEqual({ revision: rev });
      expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('reads one revision with its compiled flow; an unknown one is null, a bad hash refused', async () => {
    const known = 'b'.repeat(64);
    const server = await startTestServer((req, res) => {
      if (req.url.endsWith(`/revisions/${known}`))
        return void res.writeHead(200).end(`{"revision":"${known}","flow":{"flowId":"shop"}}`);
      res.writeHead(404).end('{"error":"not-found"}');
    });
    try {
      const runtime = service();
      await runtime.setConnection(server.url, 'tok');
      expect(await runtime.revision('shop', known)).toEqual({
        revision: known,
        flow: { flowId: 'shop' },
      });
      expect(await runtime.revision('shop', 'c'.repeat(64))).toBeNull();
      await expect(runtime.revision('shop', '../stats')).rejects.toMatchObject({
        code: 'bad-revision',
      });
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        `GET /api/flows/shop/revisions/${known}`,
        `GET /api/flows/shop/revisions/${'c'.repeat(64)}`,
      ]);
      expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("names the runtime's reason when a stats query is refused", async () => {
    const server = await startTestServer((_req, res) =>
      res
        .writeHead(400)
        .end('{"error":"invalid-query","problems":[{"message":"from is after to"}]}'),
    );
    try {
      const runtime = service();
      await runtime.setConnection(server.url, 't');
      await expect(runtime.stats('shop', { from: '2026-12-01' })).rejects.toMatchObject({
        code: 'runtime-error',
        message: 'The runtime answered 400: from is after to',
      });
    } finally {
      await server.close();
    }
  });

  it('reads the audience and sends, watches and cancels broadcasts with the token', async () => {
    const server = await startTestServer((req, res) => {
      if (req.url === '/api/subscribers/404') return void res.writeHead(404).end('{}');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":1}');
    });
    try {
      const runtime = service();
      await runtime.setConnection(server.url, 'tok');
      await runtime.subscribers({
        tags: ['vip', 'new'],
        notTags: ['churned'],
        variables: { size: '42' },
        window: 'open',
        limit: 2,
        cursor: 'c1',
      });
      expect(await runtime.subscriber('404')).toBeNull();
      await runtime.deleteSubscriber('123');
      const sent = await runtime.broadcast({ flowId: 'shop', node: 'n-a', dryRun: true });
      expect(sent).toEqual({ ok: true, status: 200, body: { ok: 1 } });
      await runtime.broadcastStatus('b-1');
      await runtime.cancelBroadcast('b-1');
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /api/subscribers?tag=vip&tag=new&notTag=churned&var.size=42&window=open&limit=2&cursor=c1',
        'GET /api/subscribers/404',
        'DELETE /api/subscribers/123',
        'POST /api/broadcasts',
        'GET /api/broadcasts/b-1',
        'DELETE /api/broadcasts/b-1',
      ]);
      expect(JSON.parse(server.requests[3]!.body)).toEqual({
        flowId: 'shop',
        node: 'n-a',
        dryRun: true,
      });
      expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);
      await expect(runtime.subscriber('../flows')).rejects.toMatchObject({ code: 'bad-psid' });
    } finally {
      await server.close();
    }
  });
});
