import { describe, expect, it } from 'vitest';
import { webhookToEvents } from './webhook';

const PAGE = '111';
const body = (...messaging: object[]) => ({
  object: 'page',
  entry: [{ id: PAGE, time: 5, messaging }],
});
const from = (rest: object) => ({
  sender: { id: 'u1' },
  recipient: { id: PAGE },
  timestamp: 1458692752478,
  ...rest,
});

describe('webhookToEvents', () => {
  it('reads text, quick replies and attachments from messages', () => {
    const result = webhookToEvents(
      body(
        from({ message: { mid: 'm1', text: 'hello' } }),
        from({ message: { mid: 'm2', text: 'Yes', quick_reply: { payload: 'TL1:r:n:yes' } } }),
        from({
          message: {
            mid: 'm3',
            attachments: [
              { type: 'image', payload: { url: 'https://cdn/p.jpg' } },
              { type: 'fallback', payload: null },
            ],
          },
        }),
      ),
    );
    expect(result).toEqual({
      ok: true,
      events: [
        {
          pageId: PAGE,
          psid: 'u1',
          timestamp: 1458692752478,
          mid: 'm1',
          event: { type: 'text', text: 'hello' },
        },
        {
          pageId: PAGE,
          psid: 'u1',
          timestamp: 1458692752478,
          mid: 'm2',
          event: { type: 'quick_reply', payload: 'TL1:r:n:yes', text: 'Yes' },
        },
        {
          pageId: PAGE,
          psid: 'u1',
          timestamp: 1458692752478,
          mid: 'm3',
          event: { type: 'attachment', attachmentType: 'image', url: 'https://cdn/p.jpg' },
        },
      ],
      ignored: [
        { reason: 'attachment of type "fallback" without a URL', pageId: PAGE, psid: 'u1' },
      ],
    });
  });

  it('reads postbacks, Get Started with its m.me ref, and referrals', () => {
    const result = webhookToEvents(
      body(
        from({ postback: { mid: 'p1', title: 'More', payload: 'TL1:b:n:more' } }),
        from({
          postback: {
            title: 'Get Started',
            payload: 'TL1:get_started',
            referral: { ref: 'spring', source: 'SHORTLINK', type: 'OPEN_THREAD' },
          },
        }),
        from({ postback: { title: 'Main menu', payload: 'TL1:menu:n-menu' } }),
        from({ referral: { ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD' } }),
      ),
    );
    expect(result.ok && result.events.map((e) => e.event)).toEqual([
      { type: 'postback', payload: 'TL1:b:n:more', title: 'More' },
      { type: 'get_started', ref: 'spring' },
      { type: 'postback', payload: 'TL1:menu:n-menu', title: 'Main menu' },
      { type: 'referral', ref: 'promo' },
    ]);
  });

  it('turns control passed back to us into handover_returned, away into handover_taken', () => {
    const result = webhookToEvents(
      {
        object: 'page',
        entry: [
          {
            id: PAGE,
            messaging: [
              from({ pass_thread_control: { new_owner_app_id: '42', metadata: 'done' } }),
              from({ pass_thread_control: { new_owner_app_id: '99' } }),
              from({ take_thread_control: { previous_owner_app_id: '42' } }),
              {
                sender: { id: PAGE },
                recipient: { id: 'u1' },
                timestamp: 1,
                message: { mid: 'e', is_echo: true, text: 'hi' },
              },
              from({ delivery: { watermark: 1 } }),
              from({ read: { watermark: 1 } }),
            ],
            standby: [from({ message: { mid: 's', text: 'to the human' } })],
          },
        ],
      },
      { appId: '42' },
    );
    expect(result).toEqual({
      ok: true,
      events: [
        {
          pageId: PAGE,
          psid: 'u1',
          timestamp: 1458692752478,
          event: { type: 'handover_returned' },
        },
        {
          pageId: PAGE,
          psid: 'u1',
          timestamp: 1458692752478,
          event: { type: 'handover_taken' },
        },
        {
          pageId: PAGE,
          psid: 'u1',
          timestamp: 1458692752478,
          event: { type: 'handover_taken' },
        },
      ],
      ignored: [
        { reason: 'echo of a message the Page sent', pageId: PAGE, psid: PAGE },
        { reason: 'delivery receipt', pageId: PAGE, psid: 'u1' },
        { reason: 'read receipt', pageId: PAGE, psid: 'u1' },
        { reason: 'standby: another app controls the thread', pageId: PAGE, psid: 'u1' },
      ],
    });
  });

  it('refuses only a body that is not an object; an entry without id costs only itself', () => {
    expect(webhookToEvents('nope')).toMatchObject({ ok: false, code: 'malformed-webhook' });
    expect(webhookToEvents([])).toMatchObject({ ok: false });
    const result = webhookToEvents({
      object: 'page',
      entry: [{ messaging: [] }, body(from({ message: { text: 'hi' } })).entry[0]],
    });
    expect(result).toMatchObject({
      ok: true,
      events: [{ event: { type: 'text', text: 'hi' } }],
      ignored: [{ reason: 'entry 0 has no id' }],
    });
  });

  it('ignores bodies of other products and single malformed events', () => {
    expect(webhookToEvents({ object: 'instagram', entry: [] })).toEqual({
      ok: true,
      events: [],
      ignored: [{ reason: 'object "instagram" is not a Messenger page' }],
    });
    const result = webhookToEvents(body({ sender: 'x' }, from({ message: { text: 'ok' } })));
    expect(result.ok && result.events).toHaveLength(1);
    expect(result.ok && result.ignored[0]?.reason).toMatch(/^no sender id/);
  });
});
