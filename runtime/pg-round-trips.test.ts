// What a message costs on PostgreSQL, counted at the driver (see testing/pg-count.ts). Users
// write one message after another, many users at once, as in the benchmark; the background polls
// (claims every 100 ms, due delays every 250 ms) are counted apart when they find nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from './store/postgres';
import { compile, delayFlow } from './testing/flows';
import { countQueries } from './testing/pg-count';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from './testing/postgres';
import { startStack, type Stack } from './testing/stack';

describe('round trips per message on PostgreSQL', () => {
  const schema = uniqueSchema();
  let stack: Stack;
  beforeAll(async () => {
    await assertPostgresReachable();
    stack = await startStack({
      overrides: { store: await openPostgresStore(POSTGRES_URL, { schema }) },
    });
    expect((await stack.publish(compile(delayFlow(60)))).status).toBe(200);
  });
  afterAll(async () => {
    await stack?.stop();
    await dropSchema(schema);
  });

  it('costs at most 4 round trips and one durable commit a message', async () => {
    const users = Array.from({ length: 16 }, (_, i) => `trip-${i}`);
    const perUser = 10;
    const total = users.length * perUser;
    // Each person's first message also records them as a subscriber (one commit, once a person;
    // docs/runtime.md, Audience): it is sent before counting, so the figure is the steady cost.
    await Promise.all(
      users.map(async (psid) => {
        expect((await stack.sandbox.user(psid).sendText('hello')).status).toBe(200);
        await stack.sandbox.waitForMessages(psid, 1, 60_000);
      }),
    );
    const { count, stop } = countQueries();
    try {
      await Promise.all(
        users.map(async (psid) => {
          const user = stack.sandbox.user(psid);
          for (let i = 0; i < perUser; i++)
            expect((await user.sendText(`message ${i}`)).status).toBe(200);
        }),
      );
      for (const psid of users) await stack.sandbox.waitForMessages(psid, perUser + 1, 60_000);
    } finally {
      stop();
    }
    for (const psid of users)
      expect(stack.sandbox.messages(psid).map((m) => m.text)).toEqual([
        'You said hello',
        ...Array.from({ length: perUser }, (_, i) => `You said message ${i}`),
      ]);
    // Idle polls (a claim or due-delay check that found nothing) run every 100 and 250 ms whether
    // or not messages come, so they are counted apart: on a loaded machine the same messages take
    // longer and would otherwise seem to cost more.
    const trips = (count.trips - count.idleTrips) / total;
    const commits = count.commits / total;
    const where = [...count.bySql].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.info(
      `PostgreSQL, ${total} messages: ${trips.toFixed(2)} round trips (besides ${count.idleTrips} idle polls) and ${commits.toFixed(2)} durable commits a message`,
      where,
    );
    expect(trips).toBeLessThanOrEqual(4);
    expect(commits).toBeLessThanOrEqual(1);
  }, 90_000);
});
