// A session the processor returned and handed back for the lane's next event (the worker does
// this) is taken as it is; the turn comes out exactly as from the same session read from JSON.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import type { StoredEvent } from '../store/types';
import { compile, exampleFlow } from '../testing/flows';
import { createEngineProcessor } from './processor';

const shop = compile(exampleFlow('shop'));
const flow = { flowId: shop.flowId, revision: shop.revision, flow: shop };
const lane = { pageId: 'page', psid: 'u1' };
const event = (id: number, messaging: Record<string, unknown>): StoredEvent => ({
  ...lane,
  id,
  dedupeKey: `k${id}`,
  timestamp: 1000 * id,
  channel: 'messaging',
  fromUser: true,
  event: {
    sender: { id: lane.psid },
    recipient: { id: lane.pageId },
    timestamp: 1000 * id,
    ...messaging,
  },
});
const processor = () =>
  createEngineProcessor({
    log: createLogger({ quiet: true }),
    now: () => 5000,
    random: () => 0.25,
  });

describe('engine processor', () => {
  it('runs a turn on the session it returned as on that session read back from the store', async () => {
    const session = { ...lane, state: null, lastUserAt: null, wakeAt: null };
    const first = processor();
    const start = await first.run({
      flow,
      session,
      event: event(1, {
        postback: { mid: 'm1', title: 'Get Started', payload: 'TL1:get_started' },
      }),
      now: 1000,
    });
    expect(start.status).toBe('done');
    const next = event(2, {
      message: {
        mid: 'm2',
        text: 'Browse shoes',
        quick_reply: { payload: 'TL1:r:n-welcome:browse' },
      },
    });
    // Handed back as the object it returned (the worker), and as a fresh processor reads it.
    const handedBack = await first.run({
      flow,
      session: { ...session, state: start.state },
      event: next,
      now: 2000,
    });
    const reread = await processor().run({
      flow,
      session: { ...session, state: JSON.parse(JSON.stringify(start.state)) as unknown },
      event: next,
      now: 2000,
    });
    expect(handedBack.outbox.length).toBeGreaterThan(1); // the catalogue: a text and the cards
    expect(handedBack).toEqual(reread);
  });

  it('still checks a session it did not make', async () => {
    const broken = {
      ...lane,
      state: { version: 1, nonsense: true },
      lastUserAt: null,
      wakeAt: null,
    };
    const result = await processor().run({
      flow,
      session: broken,
      event: event(3, { message: { mid: 'm3', text: 'hello' } }),
      now: 3000,
    });
    // An unreadable session stays as stored; the turn ran on a fresh one.
    expect(result.state).toBe(broken.state);
    expect(result.outbox.length).toBeGreaterThan(0);
  });
});
