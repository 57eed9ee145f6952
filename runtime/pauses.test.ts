// Time in a conversation: delays resume on their own, typing indicators pause the next message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compile, delayFlow, typingFlow } from './testing/flows';
import { startStack, type Stack } from './testing/stack';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.stop());

describe('delays', () => {
  it('sends what follows a delay when it falls due', async () => {
    await stack.publish(compile(delayFlow(1)));
    await stack.sandbox.user('psid-delay').sendText('ping');
    await stack.sandbox.waitForMessages('psid-delay', 1);
    await stack.sandbox.user('psid-delay').getStarted();
    const messages = await stack.sandbox.waitForMessages('psid-delay', 3, 5000);
    expect(messages.map((m) => m.text)).toEqual(['pong', 'Hello', 'Still there?']);
    expect(messages[2]!.at - messages[1]!.at).toBeGreaterThanOrEqual(900);
  });
});

describe('typing indicators', () => {
  it('shows typing, then sends the message after the pause', async () => {
    await stack.publish(compile(typingFlow(0.6)));
    await stack.sandbox.user('psid-typing').getStarted();
    const [message] = await stack.sandbox.waitForMessages('psid-typing', 1);
    expect(stack.sandbox.senderActions('psid-typing')).toEqual(['typing_on']);
    const typingAt = stack.sandbox.calls().find((c) => c.path === '/me/messages')!;
    expect(message!.text).toBe('After typing');
    expect(message!.at - typingAt.at).toBeGreaterThanOrEqual(550);
  });
});
