// Comment-to-Messenger over real HTTP (docs/events.md "Comments"): the sandbox posts Meta's `feed`
// webhook, the runtime answers with one private reply per comment (Send API `recipient:
// {comment_id}`), and the conversation goes on at the user's PSID once they answer. Own
// comments, edits, redeliveries and comments older than 7 days get nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './sandbox';
import { postSigned } from './sandbox/webhook';
import { commentFlow, compile } from './testing/flows';
import { SECRETS, startStack, type Stack } from './testing/stack';
import { pause } from './testing/wait';

const DAY_MS = 24 * 3600 * 1000;
let stack: Stack | undefined;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await stack?.stop();
  await sandbox?.close();
  stack = sandbox = undefined;
});

async function start(runtimeAheadMs = 0): Promise<Stack> {
  sandbox = await startSandbox({ ...SECRETS });
  stack = await startStack({ sandbox, overrides: { now: () => Date.now() + runtimeAheadMs } });
  expect((await stack.publish(compile(commentFlow()))).status).toBe(200);
  return stack;
}

/** The Send API calls the sandbox answered, with their recipients and texts. */
function sends(s: Stack) {
  return s.sandbox
    .calls()
    .filter((c) => c.path.endsWith('/messages') && c.body?.message !== undefined)
    .map((c) => ({
      status: c.status,
      recipient: c.body!.recipient,
      text: (c.body!.message as { text?: string }).text,
    }));
}

describe('comments answered by private replies', () => {
  it('answers a matching comment privately, then goes on at the PSID once the user answers', async () => {
    const s = await start();
    const sent = await s.sandbox.user('fan-1').comment('post-guide', 'Send me the GUIDE please');
    expect(sent.status).toBe(200);
    await s.sandbox.waitForMessages('fan-1', 1);
    expect(sends(s)).toEqual([
      { status: 200, recipient: { comment_id: sent.commentId }, text: 'Want the guide?' },
    ]);
    await s.sandbox.user('fan-1').tapQuickReply('Yes');
    await s.sandbox.waitForMessages('fan-1', 2);
    expect(sends(s)[1]).toEqual({ status: 200, recipient: { id: 'fan-1' }, text: 'Here it is' });
  });

  it('matches the post id and keywords in document order, and sends one message per comment', async () => {
    const s = await start();
    // "guide" under another post, and a comment under post-guide without the keyword.
    const other = await s.sandbox.user('fan-2').comment('post-other', 'guide');
    await s.sandbox.waitForMessages('fan-2', 1);
    const plain = await s.sandbox.user('fan-3').comment('post-guide', 'nice shoes');
    await s.sandbox.waitForMessages('fan-3', 1);
    await pause(200);
    expect(sends(s)).toEqual([
      { status: 200, recipient: { comment_id: other.commentId }, text: 'Thanks for your comment!' },
      { status: 200, recipient: { comment_id: plain.commentId }, text: 'Thanks for your comment!' },
    ]);
    // "Anything else?" would be a second private reply: never sent.
    expect(s.sandbox.messages('fan-3').map((m) => m.text)).toEqual(['Thanks for your comment!']);
  });

  it('answers each comment once, however often Meta delivers it', async () => {
    const s = await start();
    const sent = await s.sandbox.user('fan-4').comment('post-guide', 'guide');
    await s.sandbox.waitForMessages('fan-4', 1);
    const again = await postSigned(s.runtime.url, sent.raw, SECRETS.appSecret);
    expect(again.status).toBe(200);
    // A second comment by the same user is a new comment: it gets its own reply.
    const second = await s.sandbox.user('fan-4').comment('post-guide', 'guide again');
    await s.sandbox.waitForMessages('fan-4', 2);
    await pause(200);
    expect(sends(s).map((c) => c.recipient)).toEqual([
      { comment_id: sent.commentId },
      { comment_id: second.commentId },
    ]);
  });

  it('ignores the Page’s own comments and edits of comments', async () => {
    const s = await start();
    await s.sandbox.user(SECRETS.pageId).comment('post-guide', 'guide: see the link above');
    const first = await s.sandbox.user('fan-5').comment('post-other', 'hello');
    await s.sandbox.waitForMessages('fan-5', 1);
    const edit = await s.sandbox.user('fan-5').editComment(first.commentId, 'hello guide');
    expect(edit.status).toBe(200);
    await pause(300);
    expect(s.sandbox.messages(SECRETS.pageId)).toEqual([]);
    expect(sends(s)).toEqual([
      { status: 200, recipient: { comment_id: first.commentId }, text: 'Thanks for your comment!' },
    ]);
  });

  it('sends no private reply to a comment older than 7 days', async () => {
    // The runtime's clock is 8 days ahead of the comment's created_time.
    const s = await start(8 * DAY_MS);
    const sent = await s.sandbox.user('fan-6').comment('post-guide', 'guide');
    expect(sent.status).toBe(200);
    await pause(500);
    expect(sends(s)).toEqual([]);
    expect(s.sandbox.messages('fan-6')).toEqual([]);
  });

  it('the sandbox refuses a second private reply and one after 7 days, as Graph does', async () => {
    const s = await start();
    const reply = async (commentId: string) => {
      const response = await fetch(
        `${s.sandbox.url}/v25.0/me/messages?access_token=${SECRETS.pageToken}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            recipient: { comment_id: commentId },
            messaging_type: 'RESPONSE',
            message: { text: 'again' },
          }),
        },
      );
      const body = (await response.json()) as { error?: { code: number; message: string } };
      return { status: response.status, error: body.error };
    };
    const answered = await s.sandbox.user('fan-7').comment('post-guide', 'guide');
    await s.sandbox.waitForMessages('fan-7', 1);
    expect(await reply(answered.commentId)).toMatchObject({
      status: 400,
      error: { code: 10900, message: '(#10900) Activity already replied to' },
    });
    // The runtime leaves the Page's own comment alone, so it is still unanswered 8 days later.
    const own = await s.sandbox.user(SECRETS.pageId).comment('post-x', 'hi');
    s.sandbox.advanceClock(8 * DAY_MS);
    const late = await reply(own.commentId);
    expect(late.status).toBe(400);
    expect(late.error?.message).toContain('within 7 days');
    // The user never wrote: a message to the PSID is outside the window.
    const direct = await fetch(
      `${s.sandbox.url}/v25.0/me/messages?access_token=${SECRETS.pageToken}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          recipient: { id: 'fan-7' },
          messaging_type: 'RESPONSE',
          message: { text: 'hello' },
        }),
      },
    );
    expect(direct.status).toBe(400);
  });
});
