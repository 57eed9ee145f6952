// The bound on replies sent twice: a Send API call holds its Page's slot until its result is
// durable, also with a store (PostgreSQL's) whose markSent answers once the mark is queued.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { Metrics } from '../metrics';
import type { OutboxRow, Store } from '../store/types';
import { deliver, type DeliverDeps } from './deliver';
import type { GraphClient } from './graph';
import { SendSlots } from './inflight';
import { SendPacer } from './ratelimit';

const row = (id: number): OutboxRow =>
  ({
    id,
    pageId: 'page',
    psid: `u${id}`,
    kind: 'message',
    body: { recipient: { id: `u${id}` }, message: { text: 'hi' } },
    media: false,
    attempts: 0,
  }) as unknown as OutboxRow;

function setup(durable: Map<number, Promise<void>> | undefined) {
  const slots = new SendSlots(1);
  const graph: GraphClient = {
    post: async () => ({ ok: true, status: 200, body: { message_id: 'm' }, usage: {} }) as never,
    get: async () => ({ ok: true, status: 200, body: {}, usage: {} }) as never,
    delete: async () => ({ ok: true, status: 200, body: {}, usage: {} }) as never,
    close: () => undefined,
  };
  const store = {
    markSent: async () => undefined,
    ...(durable ? { sentDurable: (id: number) => durable.get(id) } : {}),
  } as unknown as Store;
  const deps: DeliverDeps = {
    store,
    graph,
    pacer: new SendPacer({ textPerSecond: 1e6, mediaPerSecond: 1e6 }, Date.now),
    slots,
    log: createLogger({ quiet: true }),
    metrics: new Metrics(),
    now: Date.now,
    random: () => 0.5,
  };
  return { deps, slots };
}

describe('the slot of a Send API call', () => {
  it('is free again once the mark is stored, with a store that writes it before answering', async () => {
    const { deps, slots } = setup(undefined);
    expect(await deliver(deps, row(1), Date.now())).toBe('sent');
    expect(slots.inFlight('page')).toBe(0);
  });

  it('stays taken until a queued mark is durable, so a crash repeats at most the cap', async () => {
    let written!: () => void;
    const durable = new Map([[1, new Promise<void>((resolve) => (written = resolve))]]);
    const { deps, slots } = setup(durable);
    expect(await deliver(deps, row(1), Date.now())).toBe('sent');
    expect(slots.inFlight('page')).toBe(1);
    let second = false;
    const next = deliver(deps, row(2), Date.now()).then(() => (second = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(second).toBe(false);
    written();
    await next;
    expect(second).toBe(true);
  });
});
