// Per-user order and exactly-once processing under concurrency: many users at once on one
// runtime (SQLite), a batch delivered out of order, and two runtime instances sharing one
// PostgreSQL database with webhooks spread over both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from './http/signature';
import { startSandbox } from './sandbox';
import { openPostgresStore } from './store/postgres';
import { compile, delayFlow } from './testing/flows';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from './testing/postgres';
import { SECRETS, startStack, type Stack } from './testing/stack';
import { pause } from './testing/wait';

const echoFlow = () => compile(delayFlow(60));

async function converse(
  stack: Pick<Stack, 'sandbox'>,
  psid: string,
  count: number,
  before?: () => void,
) {
  const user = stack.sandbox.user(psid);
  for (let i = 0; i < count; i++) {
    before?.();
    expect((await user.sendText(`message ${i}`)).status).toBe(200);
  }
}

const expected = (count: number) =>
  Array.from({ length: count }, (_, i) => `You said message ${i}`);

describe('ordering on one runtime', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.publish(echoFlow());
  });
  afterAll(() => stack.stop());

  it('answers each of many concurrent users in the order they wrote', async () => {
    const users = Array.from({ length: 8 }, (_, i) => `order-${i}`);
    await Promise.all(users.map((psid) => converse(stack, psid, 10)));
    for (const psid of users) {
      const messages = await stack.sandbox.waitForMessages(psid, 10);
      expect(messages.map((m) => m.text)).toEqual(expected(10));
    }
  });

  it('sorts a batch that arrives out of order by its timestamps', async () => {
    stack.sandbox.userWrote('batch-user');
    const base = Date.now();
    const events = Array.from({ length: 6 }, (_, i) => ({
      sender: { id: 'batch-user' },
      recipient: { id: SECRETS.pageId },
      timestamp: base + i,
      message: { mid: `m-batch-order-${i}`, text: `message ${i}` },
    })).reverse();
    const body = JSON.stringify({
      object: 'page',
      entry: [{ id: SECRETS.pageId, time: base, messaging: events }],
    });
    const res = await fetch(`${stack.runtime.url}/webhook`, {
      method: 'POST',
      body,
      headers: { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) },
    });
    expect(res.status).toBe(200);
    const messages = await stack.sandbox.waitForMessages('batch-user', 6);
    expect(messages.map((m) => m.text)).toEqual(expected(6));
  });
});

describe('two instances on one PostgreSQL database', () => {
  const schema = uniqueSchema();
  let a: Stack;
  let b: Stack;
  beforeAll(async () => {
    await assertPostgresReachable();
    const sandbox = await startSandbox({ ...SECRETS });
    a = await startStack({
      sandbox,
      overrides: { store: await openPostgresStore(POSTGRES_URL, { schema }) },
    });
    b = await startStack({
      sandbox,
      overrides: { store: await openPostgresStore(POSTGRES_URL, { schema }) },
    });
    await a.publish(echoFlow());
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await a?.sandbox.close();
    await dropSchema(schema);
  });

  it('keeps per-user order and answers each message once when webhooks hit both', async () => {
    const users = Array.from({ length: 6 }, (_, i) => `shared-${i}`);
    let turn = 0;
    // Each webhook goes to the other instance than the one before (a load balancer).
    const alternate = () => a.sandbox.connect((turn++ % 2 === 0 ? a : b).runtime.url);
    await Promise.all(users.map((psid) => converse(a, psid, 8, alternate)));
    for (const psid of users) {
      const messages = await a.sandbox.waitForMessages(psid, 8, 10_000);
      expect(messages.map((m) => m.text)).toEqual(expected(8));
    }
    await pause(500);
    for (const psid of users) expect(a.sandbox.messages(psid)).toHaveLength(8);
  });
});
