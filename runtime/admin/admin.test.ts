// The admin API (docs/format.md §6) over real HTTP: bearer auth, publish validation, revisions,
// rollback, per-node stats, the Messenger profile applied only when it changed, health, metrics.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../../flows/schema';
import { compile, exampleFlow } from '../testing/flows';
import { SECRETS, startStack, type Stack } from '../testing/stack';
import { waitUntil } from '../testing/wait';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.stop());

const welcome = () => compile(exampleFlow('welcome'));
const put = (flow: unknown, flowId: string, token: string = SECRETS.adminToken) =>
  fetch(`${stack.runtime.url}/api/flows/${flowId}`, {
    method: 'PUT',
    body: JSON.stringify(flow),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });

describe('admin authentication', () => {
  it('answers 401 without a bearer token or with a wrong one', async () => {
    for (const path of ['/api/flows/welcome', '/api/flows/welcome/revisions', '/metrics']) {
      expect((await fetch(`${stack.runtime.url}${path}`)).status).toBe(401);
      const wrong = await fetch(`${stack.runtime.url}${path}`, {
        headers: { authorization: 'Bearer nope' },
      });
      expect(wrong.status).toBe(401);
    }
    expect((await put(welcome(), 'welcome', 'wrong-token')).status).toBe(401);
  });

  it('answers /healthz without a token', async () => {
    const res = await fetch(`${stack.runtime.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: 'sqlite', messaging: 'ok' });
  });
});

describe('publishing', () => {
  it('refuses a flow that fails the compiled schema, naming the field', async () => {
    const flow = { ...welcome(), steps: 'nope' };
    const res = await put(flow, 'welcome');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: { place: string }[] };
    expect(body.problems.map((p) => p.place)).toContain('$.steps');
  });

  it('refuses a flow whose content does not match its revision', async () => {
    const flow: CompiledFlow = { ...welcome(), name: 'Edited after compiling' };
    const res = await put(flow, 'welcome');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('revision-mismatch');
  });

  it('refuses a flow published under another flow id', async () => {
    const res = await put(welcome(), 'other-flow');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('flow-id-mismatch');
  });

  it('keeps revisions newest first and rolls back to the previous one', async () => {
    const first = welcome();
    const doc = exampleFlow('welcome');
    const second = compile({ ...doc, name: 'Welcome, second edition' });
    expect((await put(first, 'welcome')).status).toBe(200);
    expect((await put(second, 'welcome')).status).toBe(200);

    const list = (await (await stack.admin('/api/flows/welcome/revisions')).json()) as {
      revisions: { revision: string; active: boolean }[];
    };
    expect(list.revisions.map((r) => r.revision)).toEqual([second.revision, first.revision]);
    expect(list.revisions[0]!.active).toBe(true);

    const back = await stack.admin('/api/flows/welcome/rollback', { method: 'POST', body: '{}' });
    expect(back.status).toBe(200);
    const active = (await (await stack.admin('/api/flows/welcome')).json()) as { revision: string };
    expect(active.revision).toBe(first.revision);

    const none = await stack.admin('/api/flows/welcome/rollback', { method: 'POST', body: '{}' });
    expect(none.status).toBe(404);
  });

  it('returns the active revision with its compiled flow, so a designer can diff against it', async () => {
    const flow = welcome();
    await put(flow, 'welcome');
    const active = (await (await stack.admin('/api/flows/welcome')).json()) as {
      revision: string;
      flow: CompiledFlow;
    };
    expect(active.revision).toBe(flow.revision);
    expect(active.flow).toEqual(flow);
  });

  it('keeps a session in flight going across a publish', async () => {
    await put(welcome(), 'welcome');
    const user = stack.sandbox.user('psid-inflight');
    await user.getStarted();
    await stack.sandbox.waitForMessages('psid-inflight', 2);
    const doc = exampleFlow('welcome');
    await put(compile({ ...doc, name: 'Republished' }), 'welcome');
    await user.tapQuickReply('Opening hours');
    const messages = await stack.sandbox.waitForMessages('psid-inflight', 3);
    expect(messages[2]!.text).toContain('Monday to Saturday');
  });

  it('applies the Messenger profile in one call, and only when it changed', async () => {
    await put(welcome(), 'welcome');
    expect(stack.sandbox.profileCallCount()).toBe(1);
    expect(stack.sandbox.profile()).toMatchObject({ get_started: { payload: 'TL1:get_started' } });
    expect(Object.keys(stack.sandbox.profile()).sort()).toEqual([
      'get_started',
      'greeting',
      'ice_breakers',
      'persistent_menu',
    ]);

    const doc = exampleFlow('welcome');
    await put(compile({ ...doc, name: 'Same profile, new name' }), 'welcome');
    expect(stack.sandbox.profileCallCount()).toBe(1);

    const greeting = [{ locale: 'default', text: 'A new greeting' }];
    await put(compile({ ...doc, profile: { ...doc.profile, greeting } }), 'welcome');
    expect(stack.sandbox.profileCallCount()).toBe(2);
    expect(stack.sandbox.profile().greeting).toEqual(greeting);
  });
});

describe('the Page profile follows the active flow', () => {
  const profileCalls = () =>
    stack.sandbox.calls().filter((c) => c.path.endsWith('/messenger_profile'));
  const fields = () => Object.keys(stack.sandbox.profile()).sort();

  it('removes with DELETE what the new revision no longer has, and restores it on rollback', async () => {
    const doc = exampleFlow('welcome');
    const full = compile(doc);
    await put(full, 'welcome');
    expect(fields()).toEqual(['get_started', 'greeting', 'ice_breakers', 'persistent_menu']);
    expect(profileCalls()).toHaveLength(1);

    const bare = compile({ ...doc, profile: { greeting: doc.profile!.greeting! } });
    const res = await put(bare, 'welcome');
    expect(((await res.json()) as { profile: unknown }).profile).toEqual({
      applied: true,
      set: ['get_started', 'greeting'],
      removed: ['persistent_menu', 'ice_breakers'],
    });
    expect(fields()).toEqual(['get_started', 'greeting']);
    expect(profileCalls()).toHaveLength(3);
    expect(profileCalls().every((c) => c.status === 200)).toBe(true);

    // Unchanged: no call at all.
    await put(compile({ ...doc, name: 'Renamed', profile: bare.profile }), 'welcome');
    expect(profileCalls()).toHaveLength(3);

    const back = await stack.admin('/api/flows/welcome/rollback', {
      method: 'POST',
      body: JSON.stringify({ revision: full.revision }),
    });
    expect(back.status).toBe(200);
    expect(fields()).toEqual(['get_started', 'greeting', 'ice_breakers', 'persistent_menu']);
    // Everything the rolled-back revision has is set again in one call; nothing to remove.
    expect(profileCalls()).toHaveLength(4);
  });

  it('clears the profile for a flow that answers only keywords and has no profile', async () => {
    await put(welcome(), 'welcome');
    const doc = exampleFlow('welcome');
    const nodes = doc.nodes.filter((n) => n.type !== 'trigger' || n.data.kind === 'keyword');
    const kept = new Set(nodes.map((n) => n.id));
    const { profile: _profile, ...rest } = doc;
    const keywordsOnly = compile({
      ...rest,
      id: 'keywords',
      nodes,
      edges: doc.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
    });
    expect(keywordsOnly.entries.getStarted).toBeUndefined();
    expect((await put(keywordsOnly, 'keywords')).status).toBe(200);
    expect(stack.sandbox.profile()).toEqual({});
    expect(profileCalls()).toHaveLength(2);
  });
});

describe('stats and metrics', () => {
  it('counts entries, sends and quick-reply taps per node', async () => {
    await put(welcome(), 'welcome');
    const user = stack.sandbox.user('psid-stats');
    await user.getStarted();
    await stack.sandbox.waitForMessages('psid-stats', 2);
    await user.tapQuickReply('Opening hours');
    await stack.sandbox.waitForMessages('psid-stats', 3);
    const stats = (await (await stack.admin('/api/flows/welcome/stats')).json()) as {
      nodes: Record<string, { entered: number; sent: number; clicked: Record<string, number> }>;
    };
    expect(stats.nodes['n-menu']).toEqual({
      entered: 1,
      sent: 1,
      dropped: 0,
      clicked: { 'reply:hours': 1 },
      left: 1,
      dropOff: 0,
    });
    expect(stats.nodes['n-hours']).toMatchObject({ entered: 1, sent: 1 });
  });

  it('serves Prometheus metrics', async () => {
    await put(welcome(), 'welcome');
    await stack.sandbox.user('psid-metrics').sendText('menu');
    await stack.sandbox.waitForMessages('psid-metrics', 2);
    // The sandbox records a message before its answer reaches the runtime, which counts the send
    // only once it has stored it as sent.
    let text = '';
    await waitUntil(async () => {
      text = await (await stack.admin('/metrics')).text();
      return text.includes('threadline_sends_total{kind="message"} 2');
    });
    expect(text).toMatch(/threadline_webhook_events_total\{outcome="stored"\} 1/);
    expect(text).toMatch(/threadline_sends_total\{kind="message"\} 2/);
    expect(text).toContain('threadline_webhook_ack_seconds_count 1');
    // Gauges set from the store on each scrape, and prom-client's content type.
    expect(text).toMatch(/# TYPE threadline_sessions gauge\nthreadline_sessions 1\n/);
    const res = await stack.admin('/metrics');
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
