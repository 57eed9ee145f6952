// The runtime answering Messenger users end to end: signed webhooks from the sandbox's users,
// the real engine, replies through the sandbox's Send API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBody } from './http/signature';
import { compile, exampleFlow } from './testing/flows';
import { SECRETS, startStack, type Stack } from './testing/stack';
import { waitUntil } from './testing/wait';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
  expect((await stack.publish(compile(exampleFlow('welcome')))).status).toBe(200);
});
afterEach(() => stack.stop());

describe('a conversation through the runtime', () => {
  it('answers Get Started with the disclosure and the menu, then a quick reply', async () => {
    const user = stack.sandbox.user('psid-anna');
    expect((await user.getStarted()).status).toBe(200);
    const first = await stack.sandbox.waitForMessages('psid-anna', 2);
    expect(first[0]!.text).toContain('automated assistant');
    // The sandbox's default profile (Sam Sandbox) fills {{user_first_name|there}}.
    expect(first[1]!.text).toBe('Hi Sam! What can we do for you today?');
    expect(first[1]!.quickReplies.map((q) => q.title)).toContain('Opening hours');

    await user.tapQuickReply('Opening hours');
    const all = await stack.sandbox.waitForMessages('psid-anna', 3);
    expect(all[2]!.text).toContain('Monday to Saturday');
  });

  it('passes the thread to the Page Inbox, stays silent meanwhile, and resumes on its return', async () => {
    const user = stack.sandbox.user('psid-ben');
    await user.sendText('I want a human please');
    await waitUntil(() => stack.sandbox.handovers('psid-ben').length === 1);
    expect(stack.sandbox.handovers('psid-ben')[0]).toMatchObject({
      target_app_id: 263902037430900,
    });

    const before = stack.sandbox.messages('psid-ben').length;
    await user.sendText('hello? anyone?'); // the sandbox delivers this as standby
    await new Promise((r) => setTimeout(r, 400));
    expect(stack.sandbox.messages('psid-ben')).toHaveLength(before);

    await user.returnThread();
    // The disclosure again (a human handed the thread back, docs/format.md §2), then the flow goes on.
    const after = await stack.sandbox.waitForMessages('psid-ben', before + 2);
    expect(after.at(-2)!.text).toContain('automated assistant');
    expect(after.at(-1)!.text).toContain('Thanks for chatting with our team');
  });

  it('takes the thread back to answer Get Started tapped while the Page Inbox has it', async () => {
    const user = stack.sandbox.user('psid-dora');
    await user.sendText('I want a human please');
    await waitUntil(() => stack.sandbox.handovers('psid-dora').length === 1);
    const before = stack.sandbox.messages('psid-dora').length;

    // Standby (another app owns the thread): a person answers plain text, the bot does not.
    await user.sendText('hello? anyone?');
    await new Promise((r) => setTimeout(r, 400));
    expect(stack.sandbox.messages('psid-dora')).toHaveLength(before);

    // Our own Get Started also arrives as standby: the runtime takes the thread, then answers.
    expect(JSON.parse((await user.getStarted()).raw).entry[0].standby).toHaveLength(1);
    const after = await stack.sandbox.waitForMessages('psid-dora', before + 2);
    expect(after.at(-2)!.text).toContain('automated assistant');
    expect(after.at(-1)!.text).toBe('Hi Sam! What can we do for you today?');
    expect(stack.sandbox.handovers('psid-dora')[1]).toMatchObject({
      kind: 'take_thread_control',
      recipient: { id: 'psid-dora' },
      previous_owner_app_id: '263902037430900',
    });
    const calls = stack.sandbox
      .calls()
      .filter((c) => (c.body?.recipient as { id?: string } | undefined)?.id === 'psid-dora')
      .slice(-3);
    expect(calls.map((c) => [c.path.split('/').pop(), c.status])).toEqual([
      ['take_thread_control', 200],
      ['messages', 200],
      ['messages', 200],
    ]);

    // The thread is ours again: what the user writes now goes through the flow.
    await user.tapQuickReply('Opening hours');
    const last = await stack.sandbox.waitForMessages('psid-dora', before + 3);
    expect(last.at(-1)!.text).toContain('Monday to Saturday');
  });

  it('processes a redelivered message id once', async () => {
    const user = stack.sandbox.user('psid-cleo');
    const sent = await user.sendText('menu');
    const replay = await fetch(`${stack.runtime.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(sent.raw) },
      body: sent.raw,
    });
    expect(replay.status).toBe(200);
    await stack.sandbox.waitForMessages('psid-cleo', 2);
    await new Promise((r) => setTimeout(r, 400));
    // The disclosure and the menu, once: the replay stored nothing new.
    expect(stack.sandbox.messages('psid-cleo').map((m) => m.text?.slice(0, 12))).toHaveLength(2);
  });
});

const sign = (raw: string) => signBody(raw, SECRETS.appSecret);
