// Comments on the Page's posts (docs/events.md "Comments"): the first fitting comment trigger
// starts, its first message is the comment's private reply, and nothing opens the window.
import { describe, expect, it } from 'vitest';
import { PRIVATE_REPLY_MS } from './dispatch';
import { Player, T0, testFlow, text } from './testFlow';

function commentFlow() {
  return testFlow(
    [
      {
        id: 'c-guide',
        type: 'trigger',
        data: { kind: 'comment', postId: 'p1', keywords: ['guide'] },
        outputs: { out: 'offer' },
      },
      { id: 'c-any', type: 'trigger', data: { kind: 'comment' }, outputs: { out: 'two' } },
      {
        id: 'offer',
        type: 'message',
        data: {
          blocks: [{ type: 'text', text: 'Want the guide, {{user_first_name}}?' }],
          quickReplies: [{ id: 'yes', title: 'Yes' }],
        },
        outputs: { 'reply:yes': 'sent' },
      },
      { id: 'sent', type: 'message', data: { blocks: [{ type: 'text', text: 'Here it is' }] } },
      {
        id: 'two',
        type: 'message',
        data: {
          blocks: [
            { type: 'typing', seconds: 1 },
            { type: 'text', text: 'Thanks!' },
            { type: 'text', text: 'More?' },
          ],
        },
      },
    ],
    {
      entries: {
        comments: [
          { postId: 'p1', keywords: ['guide'], match: 'contains', target: 'c-guide' },
          { keywords: [], match: 'contains', target: 'c-any' },
        ],
      },
      disclosure: 'I am a bot.',
    },
  );
}

const comment = (text: string, postId = 'p1', createdAt?: number) =>
  ({
    type: 'comment',
    commentId: `${postId}_c`,
    postId,
    text,
    ...(createdAt !== undefined ? { createdAt } : {}),
  }) as const;

describe('comments', () => {
  it('answers with one private reply, keeps the disclosure for later, and opens no window', () => {
    const p = new Player(commentFlow());
    const r = p.send(comment('Send the GUIDE!'));
    expect(r.actions).toEqual([
      {
        type: 'send_text',
        text: 'Want the guide, Anna?',
        quickReplies: [{ type: 'text', title: 'Yes', payload: expect.any(String) }],
        step: 'offer',
        commentId: 'p1_c',
      },
    ]);
    expect(p.session.lastUserAt).toBeNull();
    expect(p.session.disclosureDue).toBe(true);
    expect(p.session.wait).toEqual({ kind: 'quick_replies', step: 'offer' });
    // The user answers in Messenger: the conversation goes on at the PSID, disclosure first.
    const next = p.send(text('Yes'));
    expect(Player.texts(next.actions)).toEqual(['I am a bot.', 'Here it is']);
    expect(next.actions.some((a) => 'commentId' in a)).toBe(false);
  });

  it('drops every message after the first, and types nothing', () => {
    const p = new Player(commentFlow());
    const r = p.send(comment('nice', 'p2'));
    expect(r.actions.map((a) => a.type)).toEqual(['send_text', 'dropped']);
    expect(r.actions[1]).toMatchObject({
      reason: 'private-reply-sent',
      message: { text: 'More?' },
    });
  });

  it('matches the post and the keywords in document order', () => {
    const started = (said: string, post: string) => {
      const p = new Player(commentFlow());
      const r = p.send(comment(said, post));
      return r.trace.find((t) => t.type === 'enter')?.type === 'enter'
        ? (r.trace.find((t) => t.type === 'enter') as { step: string }).step
        : undefined;
    };
    expect(started('guide please', 'p1')).toBe('c-guide');
    expect(started('guide please', 'p2')).toBe('c-any');
    expect(started('guidelines?', 'p1')).toBe('c-any');
  });

  it('starts nothing without a fitting trigger, and nothing after 7 days', () => {
    const only = commentFlow();
    only.entries.comments = [only.entries.comments![0]!];
    const p = new Player(only);
    expect(p.send(comment('hello')).actions).toEqual([]);
    const q = new Player(commentFlow());
    const r = q.send(comment('guide', 'p1', T0 + 1000 - PRIVATE_REPLY_MS - 1));
    expect(r.actions).toEqual([]);
    expect(r.trace).toEqual([
      { type: 'ignored', reason: 'the comment is older than 7 days: no private reply' },
    ]);
    const fresh = new Player(commentFlow()).send(
      comment('guide', 'p1', T0 + 1000 - PRIVATE_REPLY_MS),
    );
    expect(Player.texts(fresh.actions)).toEqual(['Want the guide, Anna?']);
  });

  it('restarts a waiting conversation like a link would', () => {
    const p = new Player(commentFlow());
    p.send(comment('guide'));
    p.send(text('hm'));
    const r = p.send(comment('guide again'));
    expect(Player.texts(r.actions)).toEqual(['Want the guide, Anna?']);
  });
});
