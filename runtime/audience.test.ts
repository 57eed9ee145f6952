// Issue #17 over real HTTP with the sandbox, on SQLite and on PostgreSQL: the audience (list,
// filters, paging, one subscriber with their conversation, delete), Meta's data deletion
// callback, the start-flow API and broadcasts (preview, only inside the window, pacing, progress,
// schedule, cancel, a restart in the middle, and two instances sharing one database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from './admin/data-deletion';
import { startSandbox, type Sandbox } from './sandbox';
import { openPostgresStore } from './store/postgres';
import type { Store } from './store/types';
import { compile } from './testing/flows';
import { marketingFlow } from './testing/marketing';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from './testing/postgres';
import { SECRETS, startStack, type Stack } from './testing/stack';
import { pause, waitUntil } from './testing/wait';

const HOUR = 3600_000;
const FLOW = compile(marketingFlow());

interface Backend {
  name: 'sqlite' | 'postgres';
  /** A store for a runtime; the same `key` reopens the same database. */
  open(key: string): Promise<Store | undefined>;
  cleanup(): Promise<void>;
}

const sqlite = (): Backend => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-audience-'));
  return {
    name: 'sqlite',
    open: async () => undefined,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

const postgres = (): Backend => {
  const schemas = new Map<string, string>();
  return {
    name: 'postgres',
    open: async (key) => {
      let schema = schemas.get(key);
      if (!schema) schemas.set(key, (schema = uniqueSchema()));
      return openPostgresStore(POSTGRES_URL, { schema });
    },
    cleanup: async () => {
      for (const schema of schemas.values()) await dropSchema(schema);
    },
  };
};

type Json = Record<string, unknown>;

for (const makeBackend of [sqlite, postgres]) {
  const backend = makeBackend();
  describe(`audience, broadcasts and start-flow API on ${backend.name}`, () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    let sandbox: Sandbox;
    const stacks: Stack[] = [];
    let dbDir: string;

    beforeAll(async () => {
      if (backend.name === 'postgres') await assertPostgresReachable();
    });
    afterEach(async () => {
      for (const s of stacks.splice(0)) await s.stop().catch(() => undefined);
      await sandbox?.close();
      rmSync(dbDir, { recursive: true, force: true });
      offset = 0;
    });
    afterAll(() => backend.cleanup());

    /** A runtime on the test's database (`key` names it), talking to the shared sandbox. */
    async function runtime(key: string): Promise<Stack> {
      const store = await backend.open(key);
      const stack = await startStack({
        sandbox,
        db: join(dbDir, `${key}.db`),
        overrides: {
          now,
          ...(store ? { store } : {}),
          broadcastTiming: { pollMs: 20, leaseMs: 2000 },
        },
      });
      stacks.push(stack);
      return stack;
    }

    async function setup(key = `db${Math.random().toString(36).slice(2, 8)}`) {
      dbDir = mkdtempSync(join(tmpdir(), 'threadline-audience-db-'));
      sandbox = await startSandbox({ ...SECRETS, now });
      const s = await runtime(key);
      expect((await s.publish(FLOW)).status).toBe(200);
      return { s, key };
    }

    const json = async (r: Response) => (await r.json()) as Json;
    const post = (s: Stack, path: string, body: unknown) =>
      s.admin(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });

    /** "closed" wrote 25 hours ago; "anna" tapped Get Started; "vip" came by the m.me ref. */
    async function audience(s: Stack) {
      sandbox.setUserProfile('anna', { first_name: 'Anna', last_name: 'Ek', locale: 'sv_SE' });
      await sandbox.user('closed').getStarted();
      await sandbox.waitForMessages('closed', 1);
      offset += 25 * HOUR;
      await sandbox.user('anna').getStarted();
      await sandbox.user('vip').getStarted('vip');
      await sandbox.waitForMessages('anna', 1);
      await sandbox.waitForMessages('vip', 1);
      // The subscriber's source is noted after the turn's commit.
      await waitUntil(async () => {
        const one = await json(await s.admin('/api/subscribers/vip'));
        return (one.source as Json | null)?.kind === 'ref';
      });
    }

    const psids = (body: Json) => (body.subscribers as Json[]).map((x) => x.psid);
    const sends = (psid: string) =>
      sandbox
        .calls()
        .filter((c) => c.path.endsWith('/messages') && c.status === 200)
        .filter((c) => (c.body?.recipient as Json | undefined)?.id === psid && c.body?.message);

    it('lists subscribers with filters and cursor paging, and shows one with its conversation', async () => {
      const { s } = await setup();
      await audience(s);
      const all = await json(await s.admin('/api/subscribers'));
      expect(psids(all)).toEqual(['anna', 'closed', 'vip']);
      const anna = (all.subscribers as Json[])[0]!;
      expect(anna).toMatchObject({
        name: 'Anna Ek',
        locale: 'sv_SE',
        windowOpen: true,
        tags: ['new'],
        handover: false,
        source: null,
      });
      expect(
        Date.parse(anna.windowOpenUntil as string) - Date.parse(anna.lastMessageAt as string),
      ).toBe(24 * HOUR);
      expect((all.subscribers as Json[])[1]).toMatchObject({ psid: 'closed', windowOpen: false });

      expect(psids(await json(await s.admin('/api/subscribers?tag=vip')))).toEqual(['vip']);
      expect(psids(await json(await s.admin('/api/subscribers?var.size=42')))).toEqual(['vip']);
      expect(psids(await json(await s.admin('/api/subscribers?notTag=vip')))).toEqual([
        'anna',
        'closed',
      ]);
      expect(psids(await json(await s.admin('/api/subscribers?window=open')))).toEqual([
        'anna',
        'vip',
      ]);
      expect(psids(await json(await s.admin('/api/subscribers?window=closed')))).toEqual([
        'closed',
      ]);

      const seen: unknown[] = [];
      let cursor: string | null = '';
      for (let i = 0; i < 5 && cursor !== null; i++) {
        const page = await json(
          await s.admin(`/api/subscribers?limit=1${cursor ? `&cursor=${cursor}` : ''}`),
        );
        seen.push(...psids(page));
        cursor = page.next as string | null;
      }
      expect(seen).toEqual(['anna', 'closed', 'vip']);

      const vip = await json(await s.admin('/api/subscribers/vip'));
      expect(vip).toMatchObject({
        psid: 'vip',
        tags: ['vip'],
        variables: { size: 42 },
        source: { kind: 'ref', ref: 'vip' },
      });
      const conversation = vip.conversation as Json[];
      expect(conversation.map((c) => c.from)).toEqual(['user', 'page']);
      expect(conversation[1]).toMatchObject({
        status: 'sent',
        body: { message: { text: 'Hello' } },
      });

      expect((await s.admin('/api/subscribers?size=1')).status).toBe(400);
      expect((await s.admin('/api/subscribers?limit=0')).status).toBe(400);
      expect((await s.admin('/api/subscribers?window=soon')).status).toBe(400);
      expect((await s.admin('/api/subscribers/nobody')).status).toBe(404);
      expect((await fetch(`${s.runtime.url}/api/subscribers`)).status).toBe(401);
      expect((await fetch(`${s.runtime.url}/api/broadcasts/x`)).status).toBe(401);
    });

    it('deletes a person: sessions, events and messages; also through Meta’s signed callback', async () => {
      const { s } = await setup();
      await audience(s);
      const gone = await s.admin('/api/subscribers/anna', { method: 'DELETE' });
      expect(gone.status).toBe(200);
      const deleted = (await json(gone)).deleted as Json;
      expect(deleted).toMatchObject({ sessions: 1, profiles: 1 });
      expect(deleted.events).toBeGreaterThanOrEqual(1);
      expect(deleted.messages).toBeGreaterThanOrEqual(1);
      expect((await s.admin('/api/subscribers/anna')).status).toBe(404);
      expect(
        await s.runtime.store.audience.conversation({ pageId: SECRETS.pageId, psid: 'anna' }, 10),
      ).toEqual([]);
      expect((await s.admin('/api/subscribers/anna', { method: 'DELETE' })).status).toBe(404);

      const form = (signed: string) =>
        fetch(`${s.runtime.url}/data-deletion`, {
          method: 'POST',
          body: new URLSearchParams({ signed_request: signed }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      const payload = { algorithm: 'HMAC-SHA256', issued_at: 1, user_id: 'vip' };
      const forged = signRequest(payload, 'some-other-secret');
      const refused = await form(forged);
      expect(refused.status).toBe(401);
      expect((await json(refused)).message).toMatch(/signature does not match/);
      expect((await form('not-a-signed-request')).status).toBe(400);
      expect(
        (await fetch(`${s.runtime.url}/data-deletion`, { method: 'POST', body: '' })).status,
      ).toBe(400);
      expect((await s.admin('/api/subscribers/vip')).status).toBe(200);

      const answer = await form(signRequest(payload, SECRETS.appSecret));
      expect(answer.status).toBe(200);
      const { url, confirmation_code: code } = (await answer.json()) as {
        url: string;
        confirmation_code: string;
      };
      expect(url).toBe(`${s.runtime.url}/data-deletion/${code}`);
      expect((await s.admin('/api/subscribers/vip')).status).toBe(404);
      const status = await json(await fetch(url));
      expect(status).toMatchObject({ confirmation_code: code, status: 'done' });
      expect(JSON.stringify(status)).not.toContain('vip');
      expect((await fetch(`${s.runtime.url}/data-deletion/${'0'.repeat(24)}`)).status).toBe(404);
    });

    it('starts a flow for a subscriber inside the window, as UPDATE without a tag; else 409', async () => {
      const { s } = await setup();
      await audience(s);
      const started = await post(s, '/api/flows/marketing/start', {
        psid: 'anna',
        node: 'promo',
        variables: { coupon: 'X1' },
      });
      expect(started.status).toBe(202);
      expect(await json(started)).toMatchObject({ psid: 'anna', node: 'promo' });
      await sandbox.waitForMessages('anna', 2);
      expect(sandbox.messages('anna').map((m) => m.text)).toEqual(['Hello', 'Sale! Code X1']);
      const body = sends('anna').at(-1)!.body!;
      expect(body.messaging_type).toBe('UPDATE');
      expect(body).not.toHaveProperty('tag');

      const closed = await post(s, '/api/flows/marketing/start', { psid: 'closed', node: 'promo' });
      expect(closed.status).toBe(409);
      const why = await json(closed);
      expect(why.error).toBe('outside-window');
      expect(why.message).toMatch(
        /24-hour messaging window is closed: they last wrote at .* so it closed at/,
      );

      // A person answering in the Page Inbox keeps the bot out: 409, and a broadcast skips them.
      await sandbox.user('vip').sendText('human');
      await waitUntil(() => sandbox.handovers('vip').length === 1);
      await waitUntil(
        async () => (await json(await s.admin('/api/subscribers/vip'))).handover === true,
      );
      const held = await post(s, '/api/flows/marketing/start', { psid: 'vip', node: 'promo' });
      expect(held.status).toBe(409);
      expect(await json(held)).toMatchObject({
        error: 'handover',
        message: 'a person is answering them in the Page Inbox',
      });
      const { id } = (await json(
        await post(s, '/api/broadcasts', {
          flowId: 'marketing',
          node: 'promo',
          segment: { tags: ['vip'] },
        }),
      )) as { id: string };
      let b: Json = {};
      await waitUntil(async () => {
        b = await json(await s.admin(`/api/broadcasts/${id}`));
        return b.status === 'done';
      });
      expect(b.progress).toMatchObject({ total: 1, sent: 0, skippedReasons: { handover: 1 } });
      await sandbox.user('vip').returnThread();
      await waitUntil(
        async () => (await json(await s.admin('/api/subscribers/vip'))).handover === false,
      );

      expect((await post(s, '/api/flows/marketing/start', { psid: 'nobody' })).status).toBe(404);
      const badNode = await post(s, '/api/flows/marketing/start', { psid: 'anna', node: 'nope' });
      expect(badNode.status).toBe(400);
      expect((await json(badNode)).message).toMatch(/has no node "nope"/);
      const otherFlow = await post(s, '/api/flows/shop/start', { psid: 'anna' });
      expect(otherFlow.status).toBe(409);
      expect((await json(otherFlow)).error).toBe('flow-not-active');
      expect((await post(s, '/api/flows/marketing/start', { node: 'promo' })).status).toBe(400);
      const anonymous = await fetch(`${s.runtime.url}/api/flows/marketing/start`, {
        method: 'POST',
        body: JSON.stringify({ psid: 'anna' }),
      });
      expect(anonymous.status).toBe(401);
      // Without a node it starts where Get Started does.
      expect((await post(s, '/api/flows/marketing/start', { psid: 'vip' })).status).toBe(202);
      await sandbox.waitForMessages('vip', 2);
      await pause(100);
      expect(sandbox.messages('closed').map((m) => m.text)).toEqual(['Hello']);
    });

    it('previews a broadcast, then sends it only to those whose window is open', async () => {
      const { s } = await setup();
      await audience(s);
      const preview = await post(s, '/api/broadcasts', {
        flowId: 'marketing',
        node: 'promo',
        dryRun: true,
      });
      expect(await json(preview)).toMatchObject({ dryRun: true, size: 3, reachableNow: 2 });
      const vipOnly = await json(
        await post(s, '/api/broadcasts', {
          flowId: 'marketing',
          node: 'promo',
          segment: { tags: ['vip'] },
          dryRun: true,
        }),
      );
      expect(vipOnly).toMatchObject({ size: 1, reachableNow: 1 });
      expect((await s.admin('/api/broadcasts/none')).status).toBe(404);

      const created = await post(s, '/api/broadcasts', {
        flowId: 'marketing',
        node: 'promo',
        variables: { coupon: 'ALL' },
      });
      expect(created.status).toBe(201);
      const { id } = (await json(created)) as { id: string };
      let progress: Json = {};
      await waitUntil(async () => {
        const b = await json(await s.admin(`/api/broadcasts/${id}`));
        progress = b.progress as Json;
        return b.status === 'done';
      });
      expect(progress).toMatchObject({
        total: 3,
        waiting: 0,
        inProgress: 0,
        sent: 2,
        skipped: 1,
        failed: 0,
        skippedReasons: { 'outside-window': 1 },
      });
      expect(sandbox.messages('anna').map((m) => m.text)).toEqual(['Hello', 'Sale! Code ALL']);
      expect(sandbox.messages('vip').map((m) => m.text)).toEqual(['Hello', 'Sale! Code ALL']);
      expect(sandbox.messages('closed').map((m) => m.text)).toEqual(['Hello']);
      for (const psid of ['anna', 'vip']) {
        expect(sends(psid).at(-1)!.body!.messaging_type).toBe('UPDATE');
        expect(sends(psid).at(-1)!.body).not.toHaveProperty('tag');
      }
      expect((await s.admin(`/api/broadcasts/${id}`, { method: 'DELETE' })).status).toBe(409);

      const bad = await post(s, '/api/broadcasts', {
        flowId: 'marketing',
        node: 'promo',
        ratePerSecond: 0,
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await json(bad))).toContain('ratePerSecond');
    });

    it('counts a Send API failure with its reason', async () => {
      const { s } = await setup();
      await audience(s);
      sandbox.fail('blocked', 1, 'vip');
      const { id } = (await json(
        await post(s, '/api/broadcasts', {
          flowId: 'marketing',
          node: 'promo',
          segment: { window: 'open' },
        }),
      )) as { id: string };
      let b: Json = {};
      await waitUntil(async () => {
        b = await json(await s.admin(`/api/broadcasts/${id}`));
        return b.status === 'done';
      });
      expect(b.progress).toMatchObject({ total: 2, sent: 1, failed: 1 });
      expect(Object.keys((b.progress as Json).failedReasons as Json)).toHaveLength(1);
    });

    it('waits for its time, and a cancelled one sends nothing', async () => {
      const { s } = await setup();
      await audience(s);
      const sendAt = new Date(now() + HOUR).toISOString();
      const later = await json(
        await post(s, '/api/broadcasts', { flowId: 'marketing', node: 'promo', sendAt }),
      );
      expect(later).toMatchObject({ status: 'scheduled', sendAt, size: 3, reachableNow: 2 });
      await pause(200);
      expect(sandbox.messages('anna')).toHaveLength(1);
      const cancelled = await s.admin(`/api/broadcasts/${String(later.id)}`, { method: 'DELETE' });
      expect(cancelled.status).toBe(200);
      expect(await json(cancelled)).toMatchObject({ status: 'cancelled' });
      offset += 2 * HOUR;
      await pause(300);
      expect(sandbox.messages('anna')).toHaveLength(1);

      // One due an hour from now goes out once the hour has passed.
      const soon = await json(
        await post(s, '/api/broadcasts', {
          flowId: 'marketing',
          node: 'promo',
          segment: { tags: ['vip'] },
          sendAt: new Date(now() + HOUR).toISOString(),
        }),
      );
      await pause(200);
      expect(sandbox.messages('vip')).toHaveLength(1);
      // The window of "vip" (written 2 hours ago) is still open an hour later.
      offset += HOUR;
      await sandbox.waitForMessages('vip', 2);
      await waitUntil(
        async () =>
          (await json(await s.admin(`/api/broadcasts/${String(soon.id)}`))).status === 'done',
      );
    });

    it('paces recipients at its rate and stops where it is cancelled', async () => {
      const { s } = await setup();
      const users = Array.from({ length: 12 }, (_, i) => `u${String(i).padStart(2, '0')}`);
      for (const u of users) await sandbox.user(u).getStarted();
      for (const u of users) await sandbox.waitForMessages(u, 1);
      const { id } = (await json(
        await post(s, '/api/broadcasts', { flowId: 'marketing', node: 'promo', ratePerSecond: 4 }),
      )) as { id: string };
      await waitUntil(
        () => users.filter((u) => sandbox.messages(u).length === 2).length >= 4,
        5000,
      );
      const cancel = await json(await s.admin(`/api/broadcasts/${id}`, { method: 'DELETE' }));
      expect(cancel.status).toBe('cancelled');
      await pause(800);
      const reached = users.filter((u) => sandbox.messages(u).length === 2);
      const b = await json(await s.admin(`/api/broadcasts/${id}`));
      const p = b.progress as Json;
      expect(p.total).toBe(12);
      expect(reached.length).toBeLessThan(12);
      expect(p.sent).toBe(reached.length);
      expect(p.skippedReasons).toMatchObject({ cancelled: 12 - reached.length });
      // Four a second: the first four recipients' sends spread over about 750 ms.
      const times = sandbox
        .calls()
        .filter(
          (c) =>
            c.path.endsWith('/messages') &&
            (c.body?.message as Json | undefined)?.text === 'Sale! Code NONE',
        )
        .map((c) => c.at)
        .sort((a, b) => a - b);
      expect(times.length).toBe(reached.length);
      expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(500);
    });

    it('carries on after a restart, each recipient once', async () => {
      const { s, key } = await setup();
      const users = Array.from({ length: 8 }, (_, i) => `r${i}`);
      for (const u of users) await sandbox.user(u).getStarted();
      for (const u of users) await sandbox.waitForMessages(u, 1);
      const { id } = (await json(
        await post(s, '/api/broadcasts', { flowId: 'marketing', node: 'promo', ratePerSecond: 4 }),
      )) as { id: string };
      await waitUntil(() => users.some((u) => sandbox.messages(u).length === 2), 5000);
      await s.runtime.stop();
      stacks.splice(stacks.indexOf(s), 1);
      const again = await runtime(key);
      await waitUntil(
        async () => (await json(await again.admin(`/api/broadcasts/${id}`))).status === 'done',
        10_000,
      );
      for (const u of users)
        expect(sandbox.messages(u).map((m) => m.text)).toEqual(['Hello', 'Sale! Code NONE']);
      expect((await json(await again.admin(`/api/broadcasts/${id}`))).progress).toMatchObject({
        total: 8,
        sent: 8,
      });
    });

    if (backend.name === 'postgres')
      it('is sent once by two instances on one database', async () => {
        const { s, key } = await setup();
        const other = await runtime(key);
        const users = Array.from({ length: 10 }, (_, i) => `t${i}`);
        for (const u of users) await sandbox.user(u).getStarted();
        for (const u of users) await sandbox.waitForMessages(u, 1);
        const { id } = (await json(
          await post(other, '/api/broadcasts', {
            flowId: 'marketing',
            node: 'promo',
            ratePerSecond: 50,
          }),
        )) as { id: string };
        await waitUntil(
          async () => (await json(await s.admin(`/api/broadcasts/${id}`))).status === 'done',
          10_000,
        );
        await pause(200);
        for (const u of users)
          expect(sandbox.messages(u).map((m) => m.text)).toEqual(['Hello', 'Sale! Code NONE']);
      });
  });
}
