// Retention in the running runtime: the hourly prune (here every 100 ms, with the clock moved
// forward) deletes handled events and sent replies past THREADLINE_RETENTION_DAYS and the session
// of a subscriber silent past THREADLINE_SUBSCRIBER_RETENTION_DAYS, while the admin stats route
// still reports the same totals, until their day is past THREADLINE_STATS_RETENTION_DAYS.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './log';
import { daysToMs } from './store/retention';
import { compile, exampleFlow } from './testing/flows';
import { startStack, type Stack } from './testing/stack';
import { waitUntil } from './testing/wait';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

describe('retention in the runtime', () => {
  it('prunes old traffic, then silent subscribers, then the stats of old days', async () => {
    let offset = 0;
    const logs: Record<string, unknown>[] = [];
    stack = await startStack({
      overrides: {
        now: () => Date.now() + offset,
        pruneTiming: { firstAfterMs: 50, everyMs: 100 },
        log: createLogger({ write: (l) => logs.push(JSON.parse(l) as Record<string, unknown>) }),
      },
    });
    const { sandbox, runtime } = stack;
    expect((await stack.publish(compile(exampleFlow('welcome')))).status).toBe(200);
    const user = sandbox.user('psid-old');
    await user.sendText('menu');
    await sandbox.waitForMessages('psid-old', 2);
    await user.tapQuickReply('Opening hours');
    await sandbox.waitForMessages('psid-old', 3);
    await waitUntil(async () => (await runtime.store.counts()).outboxSent === 3);
    const statsOf = async () => (await stack!.admin('/api/flows/welcome/stats')).json();
    const before = await statsOf();
    expect(before).toMatchObject({ nodes: { 'n-hours': { entered: 1, sent: 1 } } });

    offset = daysToMs(31); // past the 30 days of THREADLINE_RETENTION_DAYS' default
    await waitUntil(async () => (await runtime.store.counts()).outboxSent === 0);
    expect(await runtime.store.counts()).toMatchObject({ sessions: 1, inboxPending: 0 });
    expect(logs.find((l) => l.event === 'retention.pruned')).toMatchObject({
      events: 2,
      outbox: 3,
      sessions: 0,
    });
    expect(await statsOf()).toEqual(before);

    offset = daysToMs(366); // past the 365 days of THREADLINE_SUBSCRIBER_RETENTION_DAYS
    await waitUntil(async () => (await runtime.store.counts()).sessions === 0);
    expect(await statsOf()).toEqual(before);
    const metrics = await (await stack.admin('/metrics')).text();
    expect(metrics).toMatch(/threadline_pruned_rows_total\{table="outbox"\} 3/);
    expect(metrics).toMatch(/threadline_pruned_rows_total\{table="sessions"\} 1/);

    offset = daysToMs(402); // the day of those turns is past THREADLINE_STATS_RETENTION_DAYS (400)
    await waitUntil(async () => Object.keys((await statsOf()).nodes).length === 0);
    expect(await (await stack.admin('/metrics')).text()).toMatch(
      /threadline_pruned_rows_total\{table="stats"\} [1-9]/,
    );
  });
});
