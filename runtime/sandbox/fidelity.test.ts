// The sandbox as Graph's double (docs/messenger.md §1.3-1.4, §2, §4, §5, §7): it accepts what Graph
// accepts, refuses what Graph refuses with Graph's error shape, serves the User Profile API and
// the handover calls, and its control API plays every kind of user message as the webhook body
// Meta documents, signed with the app secret. All over real HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../http/signature';
import { SECRETS } from '../testing/stack';
import { startSandbox, type Sandbox } from './index';

type Obj = Record<string, unknown>;
interface GraphAnswer {
  status: number;
  body: {
    error?: {
      code: number;
      error_subcode?: number;
      message: string;
      type: string;
      fbtrace_id: string;
    };
  } & Obj;
}

let sandbox: Sandbox;
let receiver: Server;
/** Every webhook body the sandbox posted, parsed, after checking its signature. */
let received: Obj[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signature = req.headers['x-hub-signature-256'];
      if (!verifySignature(raw, String(signature), SECRETS.appSecret))
        return res.writeHead(401).end();
      received.push(JSON.parse(raw.toString('utf8')) as Obj);
      res.writeHead(200).end('EVENT_RECEIVED');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sandbox = await startSandbox({ ...SECRETS });
  sandbox.connect(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}`);
  sandbox.userWrote('known');
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received = [];
});

async function graph(
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
  token: string = SECRETS.pageToken,
): Promise<GraphAnswer> {
  const sep = path.includes('?') ? '&' : '?';
  const res = await fetch(`${sandbox.url}${path}${sep}access_token=${token}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, body: (await res.json()) as GraphAnswer['body'] };
}

async function control(path: string, body: unknown, method = 'POST') {
  const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Obj };
}

const send = (message: Obj, psid = 'known') => ({
  recipient: { id: psid },
  messaging_type: 'RESPONSE',
  message,
});
const template = (payload: Obj) => send({ attachment: { type: 'template', payload } });
const receipt = (extra: Obj = {}) =>
  template({
    template_type: 'receipt',
    recipient_name: 'Anna Ek',
    order_number: '12345678902',
    currency: 'EUR',
    payment_method: 'Visa 2345',
    summary: { total_cost: 56.14 },
    elements: [{ title: 'Runner 2', price: 50, quantity: 1 }],
    ...extra,
  });

function expectGraphError(answer: GraphAnswer, code: number, subcode?: number) {
  expect(answer.status).toBe(400);
  expect(answer.body.error).toMatchObject({
    code,
    type: expect.any(String),
    message: expect.any(String),
    fbtrace_id: expect.any(String),
    ...(subcode !== undefined ? { error_subcode: subcode } : {}),
  });
}

describe('what the sandbox accepts, as Graph does', () => {
  it.each([
    [
      'a media template with a Facebook URL',
      template({
        template_type: 'media',
        elements: [{ media_type: 'image', url: 'https://www.facebook.com/photo.php?fbid=1' }],
      }),
    ],
    [
      'a media template by attachment id, with a button',
      template({
        template_type: 'media',
        elements: [
          {
            media_type: 'video',
            attachment_id: '1857777774821032',
            buttons: [{ type: 'web_url', title: 'Shop', url: 'https://example.com' }],
          },
        ],
      }),
    ],
    ['a receipt template', receipt()],
    [
      'a quick reply title over 20 characters (Messenger truncates it)',
      send({
        text: 'Pick one',
        quick_replies: [{ content_type: 'text', title: 'A title of 25 characters', payload: 'p' }],
      }),
    ],
    [
      'a react sender action with its payload',
      {
        recipient: { id: 'known' },
        sender_action: 'react',
        payload: { message_id: 'm_1', reaction: 'love' },
      },
    ],
  ])('%s', async (_name, body) => {
    const answer = await graph('/v25.0/me/messages', body);
    expect(answer.status).toBe(200);
    expect(answer.body.recipient_id).toBe('known');
  });

  it('shows a long quick reply title cut to 20 characters, and taps it by either title', async () => {
    sandbox.userWrote('qr-user');
    await graph(
      '/me/messages',
      send(
        {
          text: 'Pick one',
          quick_replies: [
            { content_type: 'text', title: 'A title of 25 characters', payload: 'P' },
          ],
        },
        'qr-user',
      ),
    );
    const seen = sandbox.messages('qr-user').at(-1)!;
    expect(seen.quickReplies[0]!.title).toBe('A title of 25 charac');
    await sandbox.user('qr-user').tapQuickReply('A title of 25 characters');
    expect(received[0]).toMatchObject({
      entry: [
        {
          messaging: [{ message: { text: 'A title of 25 charac', quick_reply: { payload: 'P' } } }],
        },
      ],
    });
  });

  it('accepts an https account_linking_url in the Messenger profile', async () => {
    const answer = await graph('/me/messenger_profile', {
      account_linking_url: 'https://shop.example.com/link',
    });
    expect(answer).toEqual({ status: 200, body: { result: 'success' } });
  });
});

describe('what the sandbox refuses, as Graph does', () => {
  it('a receipt whose order number was used before (code 100)', async () => {
    const first = receipt({ order_number: 'ORDER-UNIQUE-1' });
    expect((await graph('/me/messages', first)).status).toBe(200);
    expectGraphError(await graph('/me/messages', first), 100);
    expect((await graph('/me/messages', receipt({ order_number: 'ORDER-UNIQUE-2' }))).status).toBe(
      200,
    );
  });

  it.each([
    [
      'a card with only a title',
      template({ template_type: 'generic', elements: [{ title: 'Bare' }] }),
    ],
    [
      'a media template with an external URL',
      template({
        template_type: 'media',
        elements: [{ media_type: 'image', url: 'https://example.com/a.png' }],
      }),
    ],
    [
      'a media template with two elements',
      template({
        template_type: 'media',
        elements: [
          { media_type: 'image', attachment_id: '1' },
          { media_type: 'image', attachment_id: '2' },
        ],
      }),
    ],
    ['a receipt without an order number', receipt({ order_number: undefined })],
    ['a receipt without a total', receipt({ summary: {} })],
    [
      'a react sender action without its payload',
      { recipient: { id: 'known' }, sender_action: 'react' },
    ],
    [
      'a react sender action without a reaction',
      { recipient: { id: 'known' }, sender_action: 'react', payload: { message_id: 'm_1' } },
    ],
  ])('%s (code 100)', async (_name, body) => {
    expectGraphError(await graph('/me/messages', body), 100);
  });

  it.each([
    ['an http:// whitelisted domain', { whitelisted_domains: ['http://shop.example.com'] }],
    [
      'a 51st whitelisted domain',
      {
        whitelisted_domains: Array.from({ length: 51 }, (_, i) => `https://d${i}.example.com`),
      },
    ],
    ['an http:// account_linking_url', { account_linking_url: 'http://shop.example.com/link' }],
  ])('%s in the Messenger profile (code 100)', async (_name, body) => {
    expectGraphError(await graph('/me/messenger_profile', body), 100);
  });

  it('accepts 50 https whitelisted domains', async () => {
    const domains = Array.from({ length: 50 }, (_, i) => `https://d${i}.example.com`);
    expect((await graph('/me/messenger_profile', { whitelisted_domains: domains })).status).toBe(
      200,
    );
  });
});

describe('the User Profile API', () => {
  it('answers for a user who never wrote with Graph\'s "Unsupported get request" error', async () => {
    const answer = await graph('/v25.0/stranger?fields=first_name,last_name');
    expectGraphError(answer, 100, 33);
    expect(answer.body.error!.type).toBe('GraphMethodException');
    expect(answer.body.error!.message).toMatch(
      /^Unsupported get request\. Object with ID 'stranger' does not exist/,
    );
  });

  it('gives a user without a profile set the default profile, with only the fields asked', async () => {
    sandbox.userWrote('plain');
    const answer = await graph('/plain?fields=first_name,last_name,locale,profile_pic');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: 'plain',
      first_name: 'Sam',
      last_name: 'Sandbox',
      locale: 'en_US',
      profile_pic: expect.stringMatching(/^https:\/\//),
    });
    expect((await graph('/plain?fields=first_name')).body).toEqual({
      id: 'plain',
      first_name: 'Sam',
    });
  });

  it('serves the profile a script set with PUT /_sandbox/users/:psid/profile', async () => {
    const put = await control(
      '/users/anna/profile',
      { first_name: 'Anna', last_name: 'Ek', locale: 'sv_SE' },
      'PUT',
    );
    expect(put.status).toBe(200);
    const answer = await graph('/anna?fields=first_name,last_name,locale');
    expect(answer.body).toEqual({
      id: 'anna',
      first_name: 'Anna',
      last_name: 'Ek',
      locale: 'sv_SE',
    });
  });

  it('refuses a bad profile body, a bad token and an unknown field', async () => {
    const bad = await control('/users/anna/profile', { firstName: 'Anna' }, 'PUT');
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain('firstName');
    expectGraphError(await graph('/anna?fields=first_name', undefined, 'GET', 'wrong'), 190);
    expectGraphError(await graph('/anna?fields=shoe_size'), 100);
  });

  it('plays an injected missing permission once (100/2018247)', async () => {
    sandbox.fail('profile-no-permission');
    expectGraphError(await graph('/anna?fields=first_name'), 100, 2018247);
    expect((await graph('/anna?fields=first_name')).status).toBe(200);
    // Send API failures stay for sends: a profile failure never refuses a message.
    expect((await graph('/me/messages', send({ text: 'hi' }))).status).toBe(200);
  });
});

describe('take and request thread control', () => {
  it('asks for and takes back a thread the Page Inbox holds; sends work again', async () => {
    sandbox.userWrote('inbox');
    const pass = await graph('/me/pass_thread_control', {
      recipient: { id: 'inbox' },
      target_app_id: 263902037430900,
    });
    expect(pass.status).toBe(200);
    expectGraphError(await graph('/me/messages', send({ text: 'x' }, 'inbox')), 2018300);

    const request = await graph('/me/request_thread_control', {
      recipient: { id: 'inbox' },
      metadata: 'bot wants it back',
    });
    expect(request).toEqual({ status: 200, body: { success: true } });
    const take = await graph('/me/take_thread_control', { recipient: { id: 'inbox' } });
    expect(take.status).toBe(200);
    expect(take.body).toMatchObject({ success: true, app_id: expect.any(String) });
    expect((await graph('/me/messages', send({ text: 'back' }, 'inbox'))).status).toBe(200);
    expect(sandbox.handovers('inbox').map((h) => h.kind)).toEqual([
      undefined,
      'request_thread_control',
      'take_thread_control',
    ]);
  });

  it('refuses an unknown user (100/2018001) and a request for a thread the app owns', async () => {
    expectGraphError(
      await graph('/me/take_thread_control', { recipient: { id: 'stranger' } }),
      100,
      2018001,
    );
    expectGraphError(
      await graph('/me/request_thread_control', { recipient: { id: 'known' } }),
      100,
    );
    expectGraphError(await graph('/me/take_thread_control', {}), 100);
  });
});

/** The one event of the one webhook the last action posted. */
function lastEvent(): Obj {
  expect(received).toHaveLength(1);
  const body = received[0] as {
    object: string;
    entry: { id: string; time: number; messaging: Obj[] }[];
  };
  expect(body.object).toBe('page');
  expect(body.entry).toHaveLength(1);
  expect(body.entry[0]!.id).toBe(SECRETS.pageId);
  expect(body.entry[0]!.messaging).toHaveLength(1);
  const event = body.entry[0]!.messaging[0]!;
  expect(event).toMatchObject({
    sender: { id: 'player' },
    recipient: { id: SECRETS.pageId },
    timestamp: expect.any(Number),
  });
  return event;
}

const play = (action: Obj) => control('/users/player', action);

describe('every user action as the webhook Meta documents', () => {
  beforeAll(() => sandbox.userWrote('player'));

  it.each([
    [
      'image',
      { url: 'https://cdn.example.com/a.jpg' },
      { type: 'image', payload: { url: 'https://cdn.example.com/a.jpg' } },
    ],
    [
      'video',
      { url: 'https://cdn.example.com/a.mp4' },
      { type: 'video', payload: { url: 'https://cdn.example.com/a.mp4' } },
    ],
    [
      'audio',
      { url: 'https://cdn.example.com/a.mp3' },
      { type: 'audio', payload: { url: 'https://cdn.example.com/a.mp3' } },
    ],
    [
      'file',
      { url: 'https://cdn.example.com/a.pdf' },
      { type: 'file', payload: { url: 'https://cdn.example.com/a.pdf' } },
    ],
    [
      'sticker',
      { stickerId: 369239263222822 },
      {
        type: 'sticker',
        payload: { url: expect.stringMatching(/^https:\/\//), sticker_id: 369239263222822 },
      },
    ],
    [
      'location',
      { lat: 52.52, long: 13.405 },
      { type: 'location', payload: { coordinates: { lat: 52.52, long: 13.405 } } },
    ],
    [
      'fallback',
      { url: 'https://blog.example.com/post', title: 'A post' },
      { type: 'fallback', payload: { url: 'https://blog.example.com/post', title: 'A post' } },
    ],
    [
      'post',
      { url: 'https://www.facebook.com/123/posts/456' },
      { type: 'post', payload: { url: 'https://www.facebook.com/123/posts/456' } },
    ],
    [
      'reel',
      { url: 'https://www.facebook.com/reel/1', videoId: '77' },
      { type: 'reel', payload: { url: 'https://www.facebook.com/reel/1', reel_video_id: '77' } },
    ],
    [
      'ig_reel',
      { url: 'https://www.instagram.com/reel/x', title: 'Run' },
      {
        type: 'ig_reel',
        payload: {
          url: 'https://www.instagram.com/reel/x',
          title: 'Run',
          reel_video_id: expect.any(String),
        },
      },
    ],
    [
      'product',
      { id: '3125', title: 'Runner 2' },
      {
        type: 'template',
        payload: {
          product: {
            elements: [{ id: '3125', retailer_id: expect.any(String), title: 'Runner 2' }],
          },
        },
      },
    ],
  ])('%s', async (type, fields, attachment) => {
    const answer = await play({ action: type, ...fields });
    expect(answer).toMatchObject({
      status: 200,
      body: { webhookStatus: 200, mid: expect.any(String) },
    });
    const event = lastEvent();
    expect(event.message).toEqual({ mid: answer.body.mid, attachments: [attachment] });
  });

  it('several attachments in one message', async () => {
    const answer = await play({
      action: 'attachments',
      attachments: [
        { type: 'image', url: 'https://cdn.example.com/1.jpg' },
        { type: 'image', url: 'https://cdn.example.com/2.jpg' },
        { type: 'file', url: 'https://cdn.example.com/3.pdf' },
      ],
    });
    expect(answer.status).toBe(200);
    const message = lastEvent().message as { attachments: Obj[] };
    expect(message.attachments.map((a) => a.type)).toEqual(['image', 'image', 'file']);
  });

  it('a text, and a bad action refused with the field named', async () => {
    await play({ action: 'text', text: 'hello' });
    expect(lastEvent().message).toMatchObject({ text: 'hello', mid: expect.any(String) });
    const bad = await play({ action: 'location', lat: 52.5 });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain('long');
    const unknown = await play({ action: 'dance' });
    expect(unknown.status).toBe(400);
  });

  it('a referral into the existing thread (messaging_referrals)', async () => {
    await play({ action: 'referral', ref: 'summer_sale' });
    const event = lastEvent();
    expect(event.referral).toEqual({
      ref: 'summer_sale',
      source: 'SHORTLINK',
      type: 'OPEN_THREAD',
    });
    expect(event.message).toBeUndefined();
    expect(event.postback).toBeUndefined();
  });

  it("an ice-breaker tap, as the postback of the profile's question", async () => {
    const profile = await graph('/me/messenger_profile', {
      ice_breakers: [
        {
          locale: 'default',
          call_to_actions: [{ question: 'Where is my order?', payload: 'ICE_ORDER' }],
        },
      ],
    });
    expect(profile.status).toBe(200);
    await play({ action: 'ice-breaker', question: 'Where is my order?' });
    expect(lastEvent().postback).toEqual({
      mid: expect.any(String),
      title: 'Where is my order?',
      payload: 'ICE_ORDER',
    });
    received = [];
    expect((await play({ action: 'ice-breaker', question: 'Nope' })).status).toBe(409);
  });

  it('the button of a named card in a gallery', async () => {
    const card = (title: string, payload: string) => ({
      title,
      subtitle: 'Shoes',
      buttons: [{ type: 'postback', title: 'Buy', payload }],
    });
    const elements = [card('Red', 'BUY_RED'), card('Blue', 'BUY_BLUE')];
    const gallery = await graph('/me/messages', {
      ...template({ template_type: 'generic', elements }),
      recipient: { id: 'player' },
    });
    expect(gallery.status).toBe(200);
    await play({ action: 'button', title: 'Buy', card: 'Blue' });
    expect(lastEvent().postback).toMatchObject({ title: 'Buy', payload: 'BUY_BLUE' });
    received = [];
    await play({ action: 'button', title: 'Buy', card: 'Red' });
    expect(lastEvent().postback).toMatchObject({ payload: 'BUY_RED' });
    received = [];
    expect((await play({ action: 'button', title: 'Buy', card: 'Green' })).status).toBe(409);
  });

  it('moves its clock: timestamps jump and the 24-hour window closes', async () => {
    sandbox.userWrote('late');
    await play({ action: 'text', text: 'before' });
    const before = lastEvent().timestamp as number;
    received = [];
    const moved = await control('/clock', { advanceSeconds: 25 * 3600 });
    expect(moved.status).toBe(200);
    await play({ action: 'text', text: 'after' });
    expect(lastEvent().timestamp as number).toBeGreaterThanOrEqual(before + 25 * 3600 * 1000);
    // 'late' last wrote 25 hours ago by the sandbox's clock: outside the window (10/2018278).
    expectGraphError(await graph('/me/messages', send({ text: 'x' }, 'late')), 10, 2018278);
    expect((await control('/clock', { advanceSeconds: -5 })).status).toBe(400);
  });
});
