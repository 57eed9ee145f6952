import { describe, expect, it } from 'vitest';
import { messengerProfileBody } from './profile';
import { decodePayload, encodePayload, type Payload } from './payload';

describe('messengerProfileBody', () => {
  it('maps greeting, persistent menu and ice breakers with stable payloads', () => {
    const body = messengerProfileBody({
      entries: { keywords: [], refs: [] },
      profile: {
        greeting: [{ locale: 'default', text: 'Hi {{user_first_name}}' }],
        iceBreakers: [{ question: 'Where is my order?', target: 'n-orders' }],
        persistentMenu: [
          { title: 'Start over', target: 'n-welcome' },
          { title: 'Our shop', url: 'https://example.com' },
        ],
      },
    });
    expect(body).toEqual({
      get_started: { payload: 'TL1:get_started' },
      greeting: [{ locale: 'default', text: 'Hi {{user_first_name}}' }],
      persistent_menu: [
        {
          locale: 'default',
          composer_input_disabled: false,
          call_to_actions: [
            { type: 'postback', title: 'Start over', payload: 'TL1:menu:n-welcome' },
            { type: 'web_url', title: 'Our shop', url: 'https://example.com' },
          ],
        },
      ],
      ice_breakers: [
        {
          locale: 'default',
          call_to_actions: [{ question: 'Where is my order?', payload: 'TL1:ice:n-orders' }],
        },
      ],
    });
  });

  it('sets only Get Started for a flow without a profile', () => {
    expect(messengerProfileBody({ entries: { keywords: [], refs: [], getStarted: 'n' } })).toEqual({
      get_started: { payload: 'TL1:get_started' },
    });
  });

  it('sets Get Started only when tapping it leads somewhere', () => {
    const gs = { get_started: { payload: 'TL1:get_started' } };
    const none = { keywords: [], refs: [] };
    const keyword = {
      keywords: [{ keywords: ['hi'], match: 'exact' as const, target: 'k' }],
      refs: [],
    };
    expect(messengerProfileBody({ entries: keyword })).toEqual({});
    expect(messengerProfileBody({ entries: { ...none, default: 'd' } })).toEqual(gs);
    expect(
      messengerProfileBody({ entries: { ...none, refs: [{ ref: 'ad', target: 'r' }] } }),
    ).toEqual(gs);
    expect(
      messengerProfileBody({
        entries: keyword,
        profile: { persistentMenu: [{ title: 'Shop', url: 'https://shop.example' }] },
      }),
    ).toMatchObject(gs);
  });
});

describe('payloads', () => {
  it.each<Payload>([
    { kind: 'get_started' },
    { kind: 'button', node: 'n-1', button: 'b_2' },
    { kind: 'reply', node: 'n', reply: 'yes' },
    { kind: 'suggestion', node: 'ask' },
    { kind: 'menu', target: 'n-menu' },
    { kind: 'ice', target: 'n-hours' },
  ])('round-trips %j', (payload) => {
    expect(decodePayload(encodePayload(payload))).toEqual(payload);
  });

  it('does not claim payloads it did not write', () => {
    for (const text of [
      'GET_STARTED',
      'TL1:b:only-node',
      'TL1:x:a',
      'TL2:get_started',
      'anna@example.com',
    ])
      expect(decodePayload(text)).toBeNull();
  });
});
