import { describe, expect, it } from 'vitest';
import { sendBodies, messagingTypeFor } from '../messenger/send';
import { shopLike } from './fixture';
import type { EngineEvent } from './events';
import { getStarted, Player, text } from './testFlow';

const texts = Player.texts;
const HOUR = 3600_000;
const start = (
  step: string,
  variables?: Record<string, string | number | boolean>,
): EngineEvent => ({
  type: 'start',
  step,
  ...(variables ? { variables } : {}),
});

describe('a start by the host (broadcast, start-flow API)', () => {
  it('runs from the step it names, inside the window, as UPDATE without a tag', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    const result = p.send(start('orders'), HOUR);
    expect(texts(result.actions)).toEqual(['Orders']);
    expect(messagingTypeFor(start('orders'))).toBe('UPDATE');
    const [body] = sendBodies(result.actions, 'psid-1', messagingTypeFor(start('orders')));
    expect(body).toMatchObject({ messaging_type: 'UPDATE' });
    expect(body).not.toHaveProperty('tag');
  });

  it('is not the user acting: the window stays where the user left it', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    const before = p.session.lastUserAt;
    p.send(start('orders'), HOUR);
    expect(p.session.lastUserAt).toBe(before);
    // 25 hours after the user's last message the reply is dropped, as any reply would be.
    const late = p.send(start('orders'), 24 * HOUR);
    expect(texts(late.actions)).toEqual([]);
    expect(late.actions.some((a) => a.type === 'dropped')).toBe(true);
  });

  it('sets the variables first, so the step can use them', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    p.send(start('ask-email', { coupon: 'SUMMER' }));
    expect(p.session.variables).toEqual({ coupon: 'SUMMER' });
    expect(p.session.wait).toMatchObject({ kind: 'input', step: 'ask-email' });
    expect(texts(p.send(text('a@b.co')).actions)).toEqual(['Thanks a@b.co']);
  });

  it('cancels what the session waited for', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    expect(p.session.wait).toMatchObject({ kind: 'quick_replies', step: 'menu' });
    p.send(start('help'));
    expect(p.session.wait).toBeNull();
  });

  it('stays out while a person has the thread, and ignores a step not in the revision', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    p.send({ type: 'handover_taken' });
    const during = p.send(start('orders'));
    expect(texts(during.actions)).toEqual([]);
    expect(during.trace).toContainEqual({
      type: 'ignored',
      reason: 'the thread is with a human in the Page Inbox',
    });
    const q = new Player(shopLike());
    q.send(getStarted);
    const missing = q.send(start('gone'));
    expect(texts(missing.actions)).toEqual([]);
    expect(missing.trace).toContainEqual({
      type: 'ignored',
      reason: 'step "gone" is not in this revision',
    });
  });
});
