// Every documented Messenger event kind over real HTTP with real signatures (docs/events.md):
// each signed batch is acknowledged, what users send gets an answer, and what is not for the flow
// is counted by kind. Bodies come from runtime/http/fixtures, written after Meta's examples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, eventsFlow } from '../testing/flows';
import { SECRETS, startStack, type Stack } from '../testing/stack';
import { pause, waitUntil } from '../testing/wait';
import { webhookFixture } from './fixtures/load';
import { signBody } from './signature';

const SANDBOX_APP_ID = '1000000000000001';
const STICKER = 'https://scontent.xx.fbcdn.net/v/t39.1997-6/sticker_369239263222822.png';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  expect((await stack.publish(compile(eventsFlow()))).status).toBe(200);
});
afterAll(() => stack.stop());

/** Posts a fixture for `psid`, signed with the app secret; the user counts as having written. */
async function post(name: string, psid: string): Promise<number> {
  stack.sandbox.userWrote(psid);
  const body = webhookFixture(name, {
    pageId: SECRETS.pageId,
    psid,
    appId: SANDBOX_APP_ID,
    mid: `m_${psid}_${name}`,
  });
  const res = await fetch(`${stack.runtime.url}/webhook`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signBody(body, SECRETS.appSecret),
    },
  });
  return res.status;
}

const texts = (psid: string) => stack.sandbox.messages(psid).map((m) => m.text);
const ignored = (kind: string) =>
  stack.runtime.metrics.get('threadline_webhook_ignored_total', { kind });

async function say(psid: string, text: string, answers: number): Promise<void> {
  expect((await stack.sandbox.user(psid).sendText(text)).status).toBe(200);
  await stack.sandbox.waitForMessages(psid, answers);
}

/** Waits for `count` messages, then a moment more to see that no other follows. */
async function settle(psid: string, count: number): Promise<(string | undefined)[]> {
  await stack.sandbox.waitForMessages(psid, count);
  await pause(300);
  return texts(psid);
}

describe('every signed batch is acknowledged', () => {
  it('answers the text of a batch whose delivery receipt has no timestamp', async () => {
    const before = await ignored('delivery');
    expect(await post('deliveries-without-timestamp', 'psid-delivery')).toBe(200);
    expect(await settle('psid-delivery', 1)).toEqual(['Default answer']);
    expect(await ignored('delivery')).toBe(before + 1);
  });

  it('keeps the good event of a batch with odd items, counting each odd one', async () => {
    const [entries, lists, events] = await Promise.all([
      ignored('bad_entry'),
      ignored('bad_event_list'),
      ignored('bad_event'),
    ]);
    expect(await post('odd-items', 'psid-odd')).toBe(200);
    expect(await settle('psid-odd', 1)).toEqual(['Default answer']);
    expect(
      await Promise.all([ignored('bad_entry'), ignored('bad_event_list'), ignored('bad_event')]),
    ).toEqual([entries! + 2, lists! + 1, events! + 1]);
  });

  it('acknowledges reads, echoes, edits and reactions, answers none, counts each', async () => {
    const before = await Promise.all(['read', 'echo', 'message_edit', 'reaction'].map(ignored));
    for (const name of ['read', 'echo', 'message-edit', 'reaction'])
      expect(await post(name, 'psid-quiet')).toBe(200);
    await pause(300);
    expect(texts('psid-quiet')).toEqual([]);
    expect(await Promise.all(['read', 'echo', 'message_edit', 'reaction'].map(ignored))).toEqual([
      before[0]! + 1,
      before[1]! + 1,
      before[2]! + 1,
      before[3]! + 2,
    ]);
    const metrics = await (await stack.admin('/metrics')).text();
    expect(metrics).toMatch(/threadline_webhook_ignored_total\{kind="reaction"\} \d+/);
  });
});

describe('everything users send gets an answer', () => {
  it('takes a sticker as the answer to a photo question', async () => {
    await say('psid-sticker', 'photo', 1);
    expect(await post('sticker', 'psid-sticker')).toBe(200);
    expect(await settle('psid-sticker', 3)).toEqual([
      'Send a photo',
      `Got your photo ${STICKER}`,
      'Anything else to attach?',
    ]);
  });

  it('answers a sticker sent both as image and as sticker once', async () => {
    await say('psid-sticker-2', 'photo', 1);
    expect(await post('sticker-as-image', 'psid-sticker-2')).toBe(200);
    expect(await settle('psid-sticker-2', 3)).toEqual([
      'Send a photo',
      `Got your photo ${STICKER}`,
      'Anything else to attach?',
    ]);
  });

  it('saves a location as a map link, and answers one sent out of the blue', async () => {
    await say('psid-location', 'attach', 1);
    expect(await post('location', 'psid-location')).toBe(200);
    await stack.sandbox.waitForMessages('psid-location', 2);
    expect(await post('location', 'psid-location-2')).toBe(200);
    expect(await settle('psid-location-2', 1)).toEqual(['Default answer']);
    expect(texts('psid-location')).toEqual([
      'Attach it',
      'Saved https://www.openstreetmap.org/?mlat=48.2082&mlon=16.3738',
    ]);
  });

  it('saves a shared link and answers shared posts and reels', async () => {
    await say('psid-link', 'attach', 1);
    expect(await post('fallback-link', 'psid-link')).toBe(200);
    expect(await settle('psid-link', 2)).toEqual([
      'Attach it',
      'Saved https://shop.example/spring',
    ]);
    expect(await post('shares', 'psid-shares')).toBe(200);
    expect(await settle('psid-shares', 3)).toEqual([
      'Default answer',
      'Default answer',
      'Default answer',
    ]);
  });

  it('answers the photo question with the first of several photos, and only that question', async () => {
    await say('psid-photos', 'photo', 1);
    expect(await post('several-images', 'psid-photos')).toBe(200);
    expect(await settle('psid-photos', 3)).toEqual([
      'Send a photo',
      'Got your photo https://scontent.xx.fbcdn.net/v/photo-1.jpg',
      'Anything else to attach?',
    ]);
  });

  it('answers audio, video and files', async () => {
    expect(await post('audio-video-file', 'psid-media')).toBe(200);
    expect(await settle('psid-media', 3)).toEqual([
      'Default answer',
      'Default answer',
      'Default answer',
    ]);
  });

  it('answers a reply to an earlier message as ordinary text', async () => {
    await say('psid-reply', 'photo', 1);
    expect(await post('reply-to', 'psid-reply')).toBe(200);
    // "hello" is text at an image question: the retry prompt.
    expect(await settle('psid-reply', 2)).toEqual(['Send a photo', 'Not that: Send a photo']);
  });
});

describe('handover without configuration', () => {
  it('learns the app id, so a pass to another app is not taken for a return', async () => {
    const user = stack.sandbox.user('psid-pass');
    await say('psid-pass', 'human', 0);
    await waitUntil(() => stack.sandbox.handovers('psid-pass').length === 1);
    expect(await post('pass-thread-control-to-other-app', 'psid-pass')).toBe(200);
    await pause(300);
    expect(texts('psid-pass')).toEqual([]);
    await user.returnThread();
    expect(await settle('psid-pass', 1)).toEqual(['Welcome back']);
  });

  it('stays silent after the Page Inbox takes the thread, until it comes back', async () => {
    await say('psid-take', 'hello', 1);
    expect(await post('take-thread-control', 'psid-take')).toBe(200);
    await stack.sandbox.user('psid-take').sendText('hello?');
    await pause(300);
    expect(texts('psid-take')).toEqual(['Default answer']);
    expect(await post('pass-thread-control-to-us', 'psid-take')).toBe(200);
    await pause(100);
    await say('psid-take', 'hello again', 2);
    expect(await settle('psid-take', 2)).toEqual(['Default answer', 'Default answer']);
  });

  it('stays silent for standby events: another app has the thread', async () => {
    const reads = await ignored('read');
    await say('psid-standby', 'hello', 1);
    expect(await post('standby', 'psid-standby')).toBe(200);
    await pause(300);
    expect(texts('psid-standby')).toEqual(['Default answer']);
    expect(await ignored('read')).toBe(reads + 1);
  });
});

describe('policy enforcement', () => {
  it('is logged, shown by /healthz and /metrics, and lifted by an unblock', async () => {
    expect(await post('policy-enforcement', 'psid-policy')).toBe(200);
    const health = await (await fetch(`${stack.runtime.url}/healthz`)).json();
    expect(health).toMatchObject({
      ok: true,
      messaging: 'blocked',
      policyEnforcement: { action: 'block', reason: expect.stringContaining('Platform Policies') },
    });
    const metrics = await (await stack.admin('/metrics')).text();
    expect(metrics).toContain('threadline_page_blocked 1');
    expect(metrics).toContain('threadline_policy_enforcement_total{action="block"} 1');

    expect(await post('policy-unblock', 'psid-policy')).toBe(200);
    const after = await (await fetch(`${stack.runtime.url}/healthz`)).json();
    expect(after).toMatchObject({ messaging: 'ok', policyEnforcement: { action: 'unblock' } });
    expect(await (await stack.admin('/metrics')).text()).toContain('threadline_page_blocked 0');
  });
});
