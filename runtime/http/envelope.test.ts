// Which standby events the runtime answers: only docs/format.md §2 rule 1's kinds (our own calls to
// action and ref links), which take the thread back; anything else a person answers.
import { describe, expect, it } from 'vitest';
import { webhookToEvents } from '../../flows/messenger';
import { inboxItemsOf } from './envelope';

const PAGE = '1122334455';
const standby = (event: object) => ({
  object: 'page',
  entry: [
    {
      id: PAGE,
      time: 1,
      standby: [{ sender: { id: 'u1' }, recipient: { id: PAGE }, timestamp: 5, ...event }],
    },
  ],
});

const stored = (event: object) => {
  const item = inboxItemsOf(standby(event), PAGE, 9)!.items[0]!;
  return { channel: item.channel, dedupeKey: item.dedupeKey, fromUser: item.fromUser };
};

describe('standby events at intake', () => {
  it('stores Get Started, menu, ice-breaker postbacks and ref links to be answered', () => {
    for (const payload of ['TL1:get_started', 'TL1:menu:help', 'TL1:ice:orders'])
      expect(stored({ postback: { mid: `m-${payload}`, title: 'x', payload } })).toEqual({
        channel: 'messaging',
        dedupeKey: `mid:m-${payload}`,
        fromUser: true,
      });
    expect(stored({ referral: { ref: 'promo', source: 'SHORTLINK' } })).toEqual({
      channel: 'messaging',
      dedupeKey: 'referral:u1:5',
      fromUser: true,
    });
  });

  it('keeps text, quick replies, other buttons and bare referrals as standby', () => {
    const inert = { channel: 'standby', fromUser: true };
    expect(stored({ message: { mid: 'a', text: 'hi' } })).toMatchObject(inert);
    expect(
      stored({ message: { mid: 'b', text: 'Menu', quick_reply: { payload: 'TL1:menu:help' } } }),
    ).toMatchObject(inert);
    expect(stored({ postback: { mid: 'c', payload: 'TL1:b:ask:yes' } })).toMatchObject(inert);
    expect(stored({ postback: { mid: 'd', payload: 'SOMEONE_ELSES' } })).toMatchObject(inert);
    expect(stored({ referral: { source: 'ADS' } })).toMatchObject(inert);
  });

  it('reads the same events into engine events, and reports the others', () => {
    const read = (event: object) => {
      const result = webhookToEvents(standby(event));
      if (!result.ok) throw new Error(result.message);
      return { events: result.events.map((e) => e.event), ignored: result.ignored.length };
    };
    expect(read({ postback: { mid: 'e', payload: 'TL1:get_started' } })).toEqual({
      events: [{ type: 'get_started' }],
      ignored: 0,
    });
    expect(read({ message: { mid: 'f', text: 'hi' } })).toEqual({ events: [], ignored: 1 });
  });
});
