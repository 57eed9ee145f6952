// Publishing while users wait (docs/runtime.md): GET /waiting counts sessions per node, and a
// publish with `moves` sends the sessions waiting at removed nodes on, in the activation's
// transaction, over real HTTP with the sandbox playing the users.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flows/schema';
import { createLogger } from '../log';
import { compile, exampleFlow } from '../testing/flows';
import { SECRETS, startStack, type Stack } from '../testing/stack';
import { waitUntil } from '../testing/wait';

let stack: Stack;
let lines: string[];
beforeEach(async () => {
  lines = [];
  stack = await startStack({
    overrides: { log: createLogger({ write: (line) => lines.push(line) }) },
  });
  expect((await stack.publish(compile(exampleFlow('lead-capture')))).status).toBe(200);
});
afterEach(() => stack.stop());

/** The lead flow with its email question replaced by a new one ("n-email-2"). */
function withNewEmailQuestion(): FlowDocument {
  const doc = exampleFlow('lead-capture');
  const old = doc.nodes.find((n) => n.id === 'n-email')!;
  if (old.type !== 'input') throw new Error('n-email is not an input');
  doc.nodes = doc.nodes.filter((n) => n.id !== 'n-email');
  doc.nodes.push({
    ...old,
    id: 'n-email-2',
    data: { ...old.data, prompt: 'Your email, please?' },
  });
  doc.edges = doc.edges.map((e) => ({
    ...e,
    source: e.source === 'n-email' ? 'n-email-2' : e.source,
    target: e.target === 'n-email' ? 'n-email-2' : e.target,
  }));
  return doc;
}

const putWithMoves = (body: unknown) =>
  stack.admin('/api/flows/lead-capture', {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

const waiting = async () =>
  (await (await stack.admin('/api/flows/lead-capture/waiting')).json()) as {
    revision: string;
    nodes: Record<string, number>;
  };

/** Get Started, then "Yes please!": the user waits at the email question. */
async function toEmailQuestion(psid: string) {
  const user = stack.sandbox.user(psid);
  await user.getStarted();
  await stack.sandbox.waitForMessages(psid, 3);
  await user.tapQuickReply('Yes please!');
  await waitUntil(() => stack.sandbox.messages(psid).some((m) => m.text?.includes('send it')));
  return user;
}

const logged = (event: string) =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === event);

describe('GET /api/flows/:flowId/waiting', () => {
  it('counts the sessions waiting per node, and answers 404 for a flow never published', async () => {
    const first = compile(exampleFlow('lead-capture'));
    expect(await waiting()).toEqual({ revision: first.revision, nodes: {} });
    await toEmailQuestion('anna');
    await toEmailQuestion('ben');
    const carl = stack.sandbox.user('carl');
    await carl.getStarted();
    await waitUntil(async () => (await waiting()).nodes['n-intro'] === 1);
    expect(await waiting()).toEqual({
      revision: first.revision,
      nodes: { 'n-email': 2, 'n-intro': 1 },
    });
    expect((await stack.admin('/api/flows/nope/waiting')).status).toBe(404);
    expect((await fetch(`${stack.runtime.url}/api/flows/lead-capture/waiting`)).status).toBe(401);
  });
});

describe('publishing with moves', () => {
  it('moves a user waiting at a removed question to the new one, where the answer lands', async () => {
    const anna = await toEmailQuestion('anna');
    const next = compile(withNewEmailQuestion());
    const res = await putWithMoves({ compiled: next, moves: { 'n-email': 'n-email-2' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      revision: next.revision,
      sessions: { moved: 1, ended: 0 },
    });
    expect(await waiting()).toEqual({ revision: next.revision, nodes: { 'n-email-2': 1 } });
    expect(logged('session.moved')).toEqual([
      expect.objectContaining({
        psid: 'anna',
        from: 'n-email',
        to: 'n-email-2',
        wait: 'input',
        revision: next.revision,
      }),
    ]);

    await anna.sendText('anna@example.com');
    await waitUntil(() =>
      stack.sandbox
        .messages('anna')
        .some((m) => m.text === 'Done! The guide is on its way to anna@example.com. 📬'),
    );
  });

  it('ends the wait when the move is null: the answer is handled as if nothing waited', async () => {
    const anna = await toEmailQuestion('anna');
    const next = compile(withNewEmailQuestion());
    const res = await putWithMoves({ compiled: next, moves: { 'n-email': null } });
    expect(await res.json()).toMatchObject({ sessions: { moved: 0, ended: 1 } });
    expect(await waiting()).toEqual({ revision: next.revision, nodes: {} });
    expect(logged('session.moved')).toEqual([
      expect.objectContaining({ psid: 'anna', from: 'n-email', to: null }),
    ]);
    const before = stack.sandbox.messages('anna').length;
    await anna.sendText('anna@example.com');
    const after = await stack.sandbox.waitForMessages('anna', before + 1);
    expect(after.at(-1)!.text).toContain("Sorry, I didn't catch that");
  });

  it('with no choice, ends a wait at a removed node the same way, and logs it', async () => {
    const anna = await toEmailQuestion('anna');
    // A bare compiled flow, as before moves existed.
    const res = await stack.publish(compile(withNewEmailQuestion()));
    expect(await res.json()).toMatchObject({ sessions: { moved: 0, ended: 1 } });
    expect(logged('session.wait-dropped')).toEqual([
      expect.objectContaining({ psid: 'anna', from: 'n-email', to: null, wait: 'input' }),
    ]);
    expect(logged('session.moved')).toEqual([]);
    const before = stack.sandbox.messages('anna').length;
    await anna.sendText('anna@example.com');
    const after = await stack.sandbox.waitForMessages('anna', before + 1);
    expect(after.at(-1)!.text).toContain("Sorry, I didn't catch that");
  });

  it('leaves users waiting at nodes that stay alone', async () => {
    await toEmailQuestion('anna');
    const doc = exampleFlow('lead-capture');
    doc.name = 'Renamed';
    const res = await stack.publish(compile(doc));
    expect(await res.json()).toMatchObject({ sessions: { moved: 0, ended: 0 } });
    expect((await waiting()).nodes).toEqual({ 'n-email': 1 });
  });

  it('moves a pending delay at a removed node with the same due time', async () => {
    const user = await toEmailQuestion('dora');
    await user.sendText('dora@example.com');
    await waitUntil(() => stack.sandbox.messages('dora').some((m) => m.text?.includes('coach')));
    await user.tapQuickReply('Maybe later');
    await waitUntil(async () => (await waiting()).nodes['n-wait'] === 1);
    const lane = { pageId: SECRETS.pageId, psid: 'dora' };
    const { wakeAt } = await stack.runtime.store.loadSession(lane);
    expect(wakeAt).toBeGreaterThan(Date.now());

    const doc = exampleFlow('lead-capture');
    for (const n of doc.nodes) if (n.id === 'n-wait') n.id = 'n-wait-2';
    for (const e of doc.edges) {
      if (e.source === 'n-wait') e.source = 'n-wait-2';
      if (e.target === 'n-wait') e.target = 'n-wait-2';
    }
    const res = await putWithMoves({ compiled: compile(doc), moves: { 'n-wait': 'n-wait-2' } });
    expect(res.status).toBe(200);
    expect((await waiting()).nodes).toEqual({ 'n-wait-2': 1 });
    const moved = await stack.runtime.store.loadSession(lane);
    expect(moved.wakeAt).toBe(wakeAt);
    expect(moved.state).toMatchObject({ wait: { kind: 'delay', step: 'n-wait-2', dueAt: wakeAt } });

    // Ended by a later publish without it: no wake-up left either.
    const gone = exampleFlow('lead-capture');
    gone.nodes = gone.nodes.filter((n) => n.id !== 'n-wait');
    gone.edges = gone.edges.filter((e) => e.source !== 'n-wait' && e.target !== 'n-wait');
    await putWithMoves({ compiled: compile(gone), moves: { 'n-wait-2': null } });
    expect(await stack.runtime.store.loadSession(lane)).toMatchObject({
      wakeAt: null,
      state: { wait: null },
    });
  });

  it('refuses moves to a node that does not exist or where nobody waits, naming it', async () => {
    const next = compile(withNewEmailQuestion());
    const unknown = await putWithMoves({ compiled: next, moves: { 'n-email': 'n-emial-2' } });
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { problems: { code: string; message: string }[] };
    expect(body.problems).toEqual([
      expect.objectContaining({
        code: 'move-target',
        place: '$.moves.n-email',
        message: expect.stringContaining('"n-emial-2", which is not a node'),
      }),
    ]);
    const noWait = await putWithMoves({ compiled: next, moves: { 'n-email': 'n-sent' } });
    expect(await noWait.json()).toMatchObject({
      problems: [{ message: expect.stringContaining('a message node where nobody waits') }],
    });
    const badShape = await putWithMoves({ compiled: next, moves: { 'n-email': 3 } });
    expect(badShape.status).toBe(400);
    const badFlow = await putWithMoves({ compiled: { ...next, revision: 'f'.repeat(64) } });
    expect(await badFlow.json()).toMatchObject({
      problems: [{ code: 'revision-mismatch', place: '$.compiled.revision' }],
    });
    // Nothing was published.
    expect((await waiting()).revision).toBe(compile(exampleFlow('lead-capture')).revision);
  });
});

describe('GET /api/flows/:flowId/revisions/:revision', () => {
  it('answers any stored revision with its compiled flow, 404 for an unknown one', async () => {
    const first = compile(exampleFlow('lead-capture'));
    expect((await stack.publish(compile(withNewEmailQuestion()))).status).toBe(200);
    const res = await stack.admin(`/api/flows/lead-capture/revisions/${first.revision}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      revision: first.revision,
      active: false,
      nodeCount: first.steps.length,
      flow: first,
    });
    const missing = await stack.admin(`/api/flows/lead-capture/revisions/${'0'.repeat(64)}`);
    expect(missing.status).toBe(404);
    expect((await stack.admin('/api/flows/lead-capture/revisions/nothex')).status).toBe(404);
  });
});
