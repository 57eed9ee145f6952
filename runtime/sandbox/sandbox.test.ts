// The sandbox's Graph API refuses what the real one refuses (docs/messenger.md §2, §4, §2.8), with
// the real error shape, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETS } from '../testing/stack';
import { startSandbox, type Sandbox } from './index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ ...SECRETS });
  sandbox.userWrote('known');
});
afterAll(() => sandbox.close());

async function call(path: string, body: unknown, token: string = SECRETS.pageToken) {
  const res = await fetch(`${sandbox.url}${path}?access_token=${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      error?: {
        code: number;
        error_subcode?: number;
        message: string;
        type: string;
        fbtrace_id: string;
      };
    },
  };
}

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  recipient: { id: 'known' },
  messaging_type: 'RESPONSE',
  message: { text: t, ...extra },
});

describe('the sandbox Send API', () => {
  it('accepts a valid message under a versioned path and answers with a message id', async () => {
    const { status, body } = await call('/v25.0/me/messages', text('hi'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ recipient_id: 'known', message_id: expect.stringMatching(/^m_/) });
  });

  it('refuses a bad token with code 190 in the Graph error shape', async () => {
    const { status, body } = await call('/me/messages', text('hi'), 'wrong');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect(body.error?.fbtrace_id).toBeTruthy();
  });

  it.each([
    ['a missing recipient', { messaging_type: 'RESPONSE', message: { text: 'x' } }],
    ['a missing messaging_type', { recipient: { id: 'known' }, message: { text: 'x' } }],
    ['text over 2000 characters', text('x'.repeat(2001))],
    [
      '14 quick replies',
      text('x', {
        quick_replies: Array.from({ length: 14 }, (_, i) => ({
          content_type: 'text',
          title: `q${i}`,
          payload: 'p',
        })),
      }),
    ],
    ['a message and a sender action together', { ...text('x'), sender_action: 'typing_on' }],
    [
      'a button template with 4 buttons',
      {
        recipient: { id: 'known' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'button',
              text: 't',
              buttons: Array.from({ length: 4 }, (_, i) => ({
                type: 'postback',
                title: `b${i}`,
                payload: 'p',
              })),
            },
          },
        },
      },
    ],
    [
      'a gallery of 11 cards',
      {
        recipient: { id: 'known' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'generic',
              elements: Array.from({ length: 11 }, (_, i) => ({ title: `c${i}` })),
            },
          },
        },
      },
    ],
  ])('refuses %s with code 100', async (_name, body) => {
    const result = await call('/me/messages', body);
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe(100);
  });

  it('refuses a user it never heard from (100/2018001)', async () => {
    const { body } = await call('/me/messages', { ...text('x'), recipient: { id: 'stranger' } });
    expect(body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
  });

  it('plays injected failures once each, then accepts again', async () => {
    sandbox.fail('rate-limit');
    sandbox.fail('transient');
    expect((await call('/me/messages', text('x'))).body.error).toMatchObject({
      code: 613,
      error_subcode: 2534040,
    });
    const transient = await call('/me/messages', text('x'));
    expect(transient.status).toBe(500);
    expect(transient.body.error).toMatchObject({ code: 2, is_transient: true });
    expect((await call('/me/messages', text('x'))).status).toBe(200);
  });

  it('limits audio and video to 10 a second for the Page', async () => {
    // A stopped clock keeps the whole burst inside one second.
    const frozen = await startSandbox({ ...SECRETS, now: () => 1_800_000_000_000 });
    frozen.userWrote('known');
    try {
      const video = {
        recipient: { id: 'known' },
        messaging_type: 'RESPONSE',
        message: { attachment: { type: 'video', payload: { url: 'https://example.com/v.mp4' } } },
      };
      const results = await Promise.all(
        Array.from({ length: 15 }, () =>
          fetch(`${frozen.url}/me/messages?access_token=${SECRETS.pageToken}`, {
            method: 'POST',
            body: JSON.stringify(video),
          }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(10);
      const refused = results.filter((r) => r.status === 400);
      expect(refused).toHaveLength(5);
      expect(await refused[0]!.json()).toMatchObject({ error: { code: 613 } });
    } finally {
      await frozen.close();
    }
  });
});

describe('the sandbox Messenger Profile API', () => {
  it('refuses a greeting without the default locale and a menu without get_started', async () => {
    const greeting = await call('/me/messenger_profile', {
      greeting: [{ locale: 'de_DE', text: 'Hallo' }],
    });
    expect(greeting.body.error?.code).toBe(100);
    const menu = await call('/me/messenger_profile', {
      persistent_menu: [
        {
          locale: 'default',
          composer_input_disabled: false,
          call_to_actions: [{ type: 'postback', title: 'Hi', payload: 'p' }],
        },
      ],
    });
    expect(menu.body.error?.message).toContain('get_started');
  });

  it('refuses five ice breakers', async () => {
    const questions = Array.from({ length: 5 }, (_, i) => ({ question: `q${i}`, payload: 'p' }));
    const result = await call('/me/messenger_profile', {
      ice_breakers: [{ locale: 'default', call_to_actions: questions }],
    });
    expect(result.body.error?.code).toBe(100);
  });
});

describe('pass_thread_control', () => {
  it('hands the thread over, after which sends are refused with 2018300', async () => {
    sandbox.userWrote('handed');
    const pass = await call('/me/pass_thread_control', {
      recipient: { id: 'handed' },
      target_app_id: 263902037430900,
    });
    expect(pass).toEqual({ status: 200, body: { success: true } });
    const send = await call('/me/messages', { ...text('x'), recipient: { id: 'handed' } });
    expect(send.body.error?.code).toBe(2018300);
  });
});
