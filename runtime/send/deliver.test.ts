// Send API failures over real HTTP against the sandbox (docs/messenger.md §2.8): rate limits and
// transient errors are retried with backoff; a blocked user, a closed window and a bad token are
// not, and the reason is logged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBody } from '../http/signature';
import { createLogger } from '../log';
import { compile, exampleFlow } from '../testing/flows';
import { SECRETS, startStack, type Stack } from '../testing/stack';
import { pause, waitUntil } from '../testing/wait';

let stack: Stack;
let logs: Record<string, unknown>[];
beforeEach(async () => {
  logs = [];
  const log = createLogger({
    write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  stack = await startStack({ overrides: { log } });
  await stack.publish(compile(exampleFlow('welcome')));
});
afterEach(() => stack.stop());

const sendCalls = (stack: Stack) => stack.sandbox.calls().filter((c) => c.path === '/me/messages');

describe('sending through the Send API', () => {
  it.each([
    ['rate-limit', 613],
    ['transient', 2],
  ] as const)('retries after a %s error and then delivers', async (failure, code) => {
    stack.sandbox.fail(failure, 2, 'psid-retry');
    await stack.sandbox.user('psid-retry').sendText('menu');
    const messages = await stack.sandbox.waitForMessages('psid-retry', 2);
    expect(messages[0]!.text).toContain('automated assistant');
    expect(sendCalls(stack).filter((c) => c.code === code)).toHaveLength(2);
    expect(logs.filter((l) => l.event === 'send.retry')).toHaveLength(2);
  });

  it.each([
    ['blocked', 551, 'user-unavailable', 0],
    ['outside-window', 10, 'outside-window', 0],
    ['bad-token', 190, 'bad-page-token', 1],
  ] as const)('gives up at once on %s and logs why', async (failure, code, reason, delivered) => {
    stack.sandbox.fail(failure, 1, 'psid-permanent');
    await stack.sandbox.user('psid-permanent').sendText('menu');
    await waitUntil(() => logs.some((l) => l.event === 'send.failed'));
    await pause(400);
    // One refused call, no retry. A user's refusal drops the menu queued behind it too; a token
    // refusal concerns that call only (the sandbox accepts the token again for the next one).
    expect(sendCalls(stack).filter((c) => c.code === code)).toHaveLength(1);
    expect(stack.sandbox.messages('psid-permanent')).toHaveLength(delivered);
    const failed = logs.find((l) => l.event === 'send.failed')!;
    expect(failed.reason).toBe(reason);
    expect((await stack.runtime.store.counts()).outboxPending).toBe(0);
  });

  it('sends nothing outside the 24-hour window', async () => {
    stack.sandbox.userWrote('psid-old');
    const old = Date.now() - 25 * 60 * 60 * 1000;
    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: SECRETS.pageId,
          time: old,
          messaging: [
            {
              sender: { id: 'psid-old' },
              recipient: { id: SECRETS.pageId },
              timestamp: old,
              message: { mid: 'm-old', text: 'menu' },
            },
          ],
        },
      ],
    });
    const res = await fetch(`${stack.runtime.url}/webhook`, {
      method: 'POST',
      body,
      headers: { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) },
    });
    expect(res.status).toBe(200);
    await waitUntil(() =>
      logs.some((l) => l.event === 'send.failed' && l.reason === 'outside-window'),
    );
    expect(sendCalls(stack)).toHaveLength(0);
  });

  it('never logs the page token, the app secret or message text', async () => {
    stack.sandbox.fail('bad-token', 1, 'psid-logs');
    await stack.sandbox.user('psid-logs').sendText('my secret order number 12345');
    await waitUntil(() => logs.some((l) => l.event === 'send.failed'));
    const all = JSON.stringify(logs);
    expect(all).not.toContain(SECRETS.pageToken);
    expect(all).not.toContain(SECRETS.appSecret);
    expect(all).not.toContain('12345');
  });
});
