// The flow cache loads the active flow once per revision, however many lanes ask at once.
import { describe, expect, it, vi } from 'vitest';
import { FlowCache } from './flow-cache';
import type { ActiveFlow, Store } from './store/types';
import { compile, exampleFlow } from './testing/flows';

function spyStore(options: { watch?: boolean; revisionCheck?: boolean } = {}) {
  const flow = compile(exampleFlow('welcome'));
  let revision = 'r1';
  const pending: (() => void)[] = [];
  const listeners: (() => void)[] = [];
  let loads = 0;
  const store = {
    activeFlow: () => {
      loads++;
      const current = revision;
      // Each load takes until the test lets it finish, like a slow read of a big flow.
      return new Promise<ActiveFlow>((resolve) =>
        pending.push(() => resolve({ flowId: 'welcome', revision: current, flow })),
      );
    },
    ...(options.revisionCheck
      ? { activeRevision: async () => ({ flowId: 'welcome', revision }) }
      : {}),
    ...(options.watch
      ? {
          watchFlows: (listener: () => void) => {
            listeners.push(listener);
            return () => undefined;
          },
        }
      : {}),
  } as unknown as Store;
  return {
    store,
    loads: () => loads,
    finish: () => pending.splice(0).forEach((f) => f()),
    publish: (next: string) => {
      revision = next;
      listeners.forEach((l) => l());
    },
  };
}

describe('FlowCache', () => {
  it('shares one load among concurrent lanes', async () => {
    const spy = spyStore();
    const cache = new FlowCache(spy.store, () => 0);
    const lanes = Array.from({ length: 64 }, () => cache.active());
    spy.finish();
    const flows = await Promise.all(lanes);
    expect(spy.loads()).toBe(1);
    expect(new Set(flows.map((f) => f?.revision))).toEqual(new Set(['r1']));
    // Cached afterwards too.
    await cache.active();
    expect(spy.loads()).toBe(1);
  });

  it('does not keep a load that started before an invalidation', async () => {
    const spy = spyStore({ watch: true });
    const cache = new FlowCache(spy.store, () => 0);
    const early = cache.active();
    spy.publish('r2');
    const late = cache.active();
    spy.finish();
    expect((await early)?.revision).toBe('r1');
    expect((await late)?.revision).toBe('r2');
    expect((await cache.active())?.revision).toBe('r2');
    expect(spy.loads()).toBe(2);
  });

  it('drops the old revision when the store announces a change, not before', async () => {
    let now = 0;
    const spy = spyStore({ watch: true });
    const cache = new FlowCache(spy.store, () => now);
    const first = cache.active();
    spy.finish();
    expect((await first)?.revision).toBe('r1');
    // With announcements, time alone does not reload (the TTL is only a safety net)...
    now += 30_000;
    expect((await cache.active())?.revision).toBe('r1');
    expect(spy.loads()).toBe(1);
    // ...an announced publish does.
    spy.publish('r2');
    const next = cache.active();
    spy.finish();
    expect((await next)?.revision).toBe('r2');
    expect(spy.loads()).toBe(2);
  });

  it('keeps a big flow past its time-to-live while the store names the same revision', async () => {
    let now = 0;
    const spy = spyStore({ revisionCheck: true });
    const cache = new FlowCache(spy.store, () => now);
    const first = cache.active();
    spy.finish();
    expect((await first)?.revision).toBe('r1');
    // The one-second safety net runs out: the revision is asked for, the flow is not read again.
    now += 1500;
    expect((await cache.active())?.revision).toBe('r1');
    expect(spy.loads()).toBe(1);
    // A publish elsewhere (no announcement) is seen at the next expiry and loaded.
    spy.publish('r2');
    now += 1500;
    const next = cache.active();
    await vi.waitFor(() => expect(spy.loads()).toBe(2));
    spy.finish();
    expect((await next)?.revision).toBe('r2');
    expect(spy.loads()).toBe(2);
  });
});
