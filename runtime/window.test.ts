// The 24-hour window in the runtime, with the runtime's and the sandbox's clocks moved ahead
// together: a delayed reply due past 24 hours since the user's last message is dropped (never
// sent, counted as `dropped` in the node's stats); one due inside the window is sent.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './sandbox';
import { compile, delayFlow } from './testing/flows';
import { SECRETS, startStack, type Stack } from './testing/stack';
import { waitUntil } from './testing/wait';

const HOUR = 3600;
let stack: Stack | undefined;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await stack?.stop();
  await sandbox?.close();
  stack = sandbox = undefined;
});

async function delayedReply(delaySeconds: number, psid: string) {
  let offset = 0;
  const now = () => Date.now() + offset;
  sandbox = await startSandbox({ ...SECRETS, now });
  stack = await startStack({ sandbox, overrides: { now } });
  const s = stack;
  expect((await s.publish(compile(delayFlow(delaySeconds)))).status).toBe(200);
  await s.sandbox.user(psid).getStarted();
  await s.sandbox.waitForMessages(psid, 1);
  offset += (delaySeconds + 1) * 1000;
  type Stats = { nodes: Record<string, { sent: number; dropped: number }> };
  let stats: Stats = { nodes: {} };
  await waitUntil(async () => {
    stats = (await (await s.admin('/api/flows/delays/stats')).json()) as Stats;
    const later = stats.nodes.later;
    return (later?.sent ?? 0) + (later?.dropped ?? 0) > 0;
  });
  return { stats, messages: () => s.sandbox.messages(psid), calls: s.sandbox.calls() };
}

describe('the 24-hour window in the runtime', () => {
  it('drops a delayed reply due past 24 hours and counts it as dropped, not sent', async () => {
    const { stats, messages, calls } = await delayedReply(25 * HOUR, 'window-late');
    expect(stats.nodes.later).toMatchObject({ sent: 0, dropped: 1 });
    expect(stats.nodes.hello).toMatchObject({ sent: 1, dropped: 0 });
    expect(messages().map((m) => m.text)).toEqual(['Hello']);
    // Not even tried: Messenger would have refused it.
    expect(calls.filter((c) => c.path.endsWith('/messages') && c.status !== 200)).toEqual([]);
  });

  it('sends a delayed reply due inside the window', async () => {
    const { stats, messages } = await delayedReply(23 * HOUR, 'window-early');
    expect(stats.nodes.later).toMatchObject({ sent: 1, dropped: 0 });
    await waitUntil(() => messages().length >= 2);
    expect(messages().map((m) => m.text)).toEqual(['Hello', 'Still there?']);
  });
});
