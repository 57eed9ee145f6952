// The webhook's gate (docs/format.md §6, docs/messenger.md §1): the handshake, and refusing what is unsigned,
// forged, malformed or too large before anything is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, exampleFlow } from '../testing/flows';
import { SECRETS, startStack, type Stack } from '../testing/stack';
import { pause } from '../testing/wait';
import { signBody } from './signature';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.publish(compile(exampleFlow('welcome')));
});
afterAll(() => stack.stop());

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${stack.runtime.url}/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

const textEvent = (psid: string, mid: string, text: string) => {
  stack.sandbox.userWrote(psid);
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: SECRETS.pageId,
        time: Date.now(),
        messaging: [
          {
            sender: { id: psid },
            recipient: { id: SECRETS.pageId },
            timestamp: Date.now(),
            message: { mid, text },
          },
        ],
      },
    ],
  });
};

describe('GET /webhook handshake', () => {
  it('echoes the challenge for the right verify token', async () => {
    const url = `${stack.runtime.url}/webhook?hub.mode=subscribe&hub.verify_token=${SECRETS.verifyToken}&hub.challenge=1158201444`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  it('answers 403 to a wrong verify token or mode', async () => {
    const wrong = await fetch(
      `${stack.runtime.url}/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
    const mode = await fetch(
      `${stack.runtime.url}/webhook?hub.mode=unsubscribe&hub.verify_token=${SECRETS.verifyToken}&hub.challenge=1`,
    );
    expect(mode.status).toBe(403);
  });
});

describe('POST /webhook', () => {
  it('refuses an unsigned body with 401 and stores nothing', async () => {
    const res = await post(textEvent('psid-unsigned', 'm-unsigned', 'menu'), {});
    expect(res.status).toBe(401);
    await pause(200);
    expect(stack.sandbox.messages('psid-unsigned')).toHaveLength(0);
  });

  it('refuses a body signed with another secret with 401', async () => {
    const body = textEvent('psid-forged', 'm-forged', 'menu');
    const res = await post(body, { 'x-hub-signature-256': signBody(body, 'not-the-app-secret') });
    expect(res.status).toBe(401);
  });

  it('refuses a signed body altered on the way with 401', async () => {
    const body = textEvent('psid-altered', 'm-altered', 'menu');
    const signature = signBody(body, SECRETS.appSecret);
    const res = await post(body.replace('menu', 'human'), { 'x-hub-signature-256': signature });
    expect(res.status).toBe(401);
  });

  it('refuses a malformed signature header with 401', async () => {
    const body = textEvent('psid-x', 'm-x', 'menu');
    const res = await post(body, { 'x-hub-signature-256': 'sha1=abc' });
    expect(res.status).toBe(401);
  });

  it('answers 400 to a signed body that is not JSON or not a JSON object', async () => {
    for (const body of ['{not json', '[]', '"page"', '42', 'null']) {
      const res = await post(body, { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) });
      expect(res.status).toBe(400);
    }
  });

  it('acknowledges a signed object of another shape, and counts it as ignored', async () => {
    const before = await stack.runtime.metrics.get('threadline_webhook_ignored_total', {
      kind: 'bad_entry',
    });
    for (const body of [
      JSON.stringify({ object: 'page', entry: 'nope' }),
      JSON.stringify({ object: 'instagram', entry: [] }),
      JSON.stringify({}),
    ]) {
      const res = await post(body, { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) });
      expect(res.status).toBe(200);
    }
    expect(
      await stack.runtime.metrics.get('threadline_webhook_ignored_total', { kind: 'bad_entry' }),
    ).toBe(before + 1);
    expect(
      await stack.runtime.metrics.get('threadline_webhook_ignored_total', {
        kind: 'not_page_object',
      }),
    ).toBe(2);
  });

  it('answers 413 past the size limit', async () => {
    const body = JSON.stringify({ object: 'page', entry: [], pad: 'x'.repeat(1024 * 1024 + 10) });
    const res = await post(body, { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) });
    expect(res.status).toBe(413);
  });

  it('accepts a replayed signed body but answers the message once', async () => {
    const body = textEvent('psid-replay', 'm-replay-1', 'menu');
    const headers = { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) };
    const statuses = await Promise.all([
      post(body, headers),
      post(body, headers),
      post(body, headers),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    await stack.sandbox.waitForMessages('psid-replay', 2);
    await pause(300);
    expect(stack.sandbox.messages('psid-replay')).toHaveLength(2);
  });

  it('handles every event of a batched delivery', async () => {
    for (const p of ['a', 'b', 'c']) stack.sandbox.userWrote(`psid-batch-${p}`);
    const events = ['a', 'b', 'c'].map((p, i) => ({
      sender: { id: `psid-batch-${p}` },
      recipient: { id: SECRETS.pageId },
      timestamp: Date.now() + i,
      message: { mid: `m-batch-${p}`, text: 'menu' },
    }));
    const body = JSON.stringify({
      object: 'page',
      entry: [{ id: SECRETS.pageId, time: Date.now(), messaging: events }],
    });
    const res = await post(body, { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) });
    expect(res.status).toBe(200);
    for (const p of ['a', 'b', 'c']) await stack.sandbox.waitForMessages(`psid-batch-${p}`, 2);
  });
});
