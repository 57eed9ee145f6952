import { describe, expect, it } from 'vitest';
import { encodePayload } from '../messenger/payload';
import { shopLike } from './fixture';
import { getStarted, Player, testFlow, text } from './testFlow';

const texts = Player.texts;
const reply = (node: string, id: string) => ({
  type: 'quick_reply' as const,
  payload: encodePayload({ kind: 'reply', node, reply: id }),
});
const button = (node: string, id: string) => ({
  type: 'postback' as const,
  payload: encodePayload({ kind: 'button', node, button: id }),
});

describe('rule 1: get started, menu, ice breakers and refs start their target', () => {
  it('starts get started even while an input waits', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    p.send(reply('menu', 'ask'));
    expect(p.session.wait).toMatchObject({ kind: 'input', step: 'ask-email' });
    expect(texts(p.send(getStarted).actions)).toEqual(['Hi Anna!']);
    expect(p.session.wait).toEqual({ kind: 'quick_replies', step: 'menu' });
  });

  it('starts a persistent-menu or ice-breaker target whatever the session waits for', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    p.send(reply('menu', 'ask'));
    expect(texts(p.send({ type: 'postback', payload: 'TL1:menu:help' }).actions)).toEqual([
      'Help text',
    ]);
    expect(p.session.wait).toBeNull();
    expect(texts(p.send({ type: 'postback', payload: 'TL1:ice:orders' }).actions)).toEqual([
      'Orders',
    ]);
  });

  it('sends a menu item whose target is gone to the default trigger', () => {
    const p = new Player(shopLike());
    expect(texts(p.send({ type: 'postback', payload: 'TL1:menu:deleted' }).actions)).toEqual([
      'Sorry',
    ]);
  });

  it('starts the ref trigger of a referral, also when it arrives with get started', () => {
    const p = new Player(shopLike());
    expect(texts(p.send({ type: 'get_started', ref: 'promo' }).actions)).toEqual(['Orders']);
    p.send(getStarted);
    expect(texts(p.send({ type: 'referral', ref: 'promo' }).actions)).toEqual(['Orders']);
  });

  it('treats an unknown ref as anything else (the default trigger)', () => {
    const p = new Player(shopLike());
    expect(texts(p.send({ type: 'referral', ref: 'nope' }).actions)).toEqual(['Sorry']);
    expect(texts(p.send({ type: 'get_started', ref: 'nope' }).actions)).toEqual(['Hi Anna!']);
  });
});

describe('rule 2: buttons and quick replies follow their handle', () => {
  it('follows an old button after the session moved on', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    p.send(reply('menu', 'shop'));
    p.send(getStarted);
    p.send(reply('menu', 'ask'));
    expect(texts(p.send(button('shop', 'more')).actions)).toEqual(['Help text']);
    expect(p.session.wait).toBeNull();
  });

  it('sends a button of a node missing from the revision to the default trigger', () => {
    const p = new Player(shopLike());
    expect(texts(p.send(button('gone', 'more')).actions)).toEqual(['Sorry']);
  });

  it('idles when the tapped button has no edge', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    const r = p.send(reply('menu', 'ghost'));
    expect(texts(r.actions)).toEqual([]);
    expect(r.trace).toContainEqual({ type: 'take', step: 'menu', handle: 'reply:ghost' });
    expect(p.session.wait).toBeNull();
  });
});

describe('rule 4: text while quick replies wait', () => {
  it('counts a text equal to a reply title (any case, trimmed) as that reply', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    expect(texts(p.send(text('  give EMAIL ')).actions)).toEqual(['Your email?']);
  });

  it('follows `other` for other text when it is connected', () => {
    const p = new Player(shopLike({ withOther: true }));
    p.send(getStarted);
    const r = p.send(text('help'));
    expect(texts(r.actions)).toEqual(['Sorry']);
    expect(r.trace).toContainEqual({ type: 'take', step: 'menu', handle: 'other', to: 'fallback' });
  });

  it('goes on to keywords when `other` is not connected', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    expect(texts(p.send(text('help')).actions)).toEqual(['Help text']);
  });

  it('records the unconnected `other` in the trace before handing the text on', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    const r = p.send(text('help'));
    expect(r.trace).toContainEqual({ type: 'take', step: 'menu', handle: 'other' });
    expect(texts(r.actions)).toEqual(['Help text']);
  });
});

describe('rule 5: keyword triggers', () => {
  it('matches exact keywords ignoring case and surrounding space', () => {
    const p = new Player(shopLike());
    expect(texts(p.send(text('  HELP ')).actions)).toEqual(['Help text']);
  });

  it('prefers an exact match over a contains match listed earlier, then document order', () => {
    const msg = (id: string) => ({
      id,
      type: 'message' as const,
      data: { blocks: [{ type: 'text' as const, text: id }] },
    });
    const flow = testFlow(
      [
        {
          id: 'c1',
          type: 'trigger',
          data: { kind: 'keyword', keywords: ['price'], match: 'contains' },
          outputs: { out: 'contains-1' },
        },
        {
          id: 'c2',
          type: 'trigger',
          data: { kind: 'keyword', keywords: ['price'], match: 'contains' },
          outputs: { out: 'contains-2' },
        },
        {
          id: 'e1',
          type: 'trigger',
          data: { kind: 'keyword', keywords: ['price'], match: 'exact' },
          outputs: { out: 'exact' },
        },
        msg('contains-1'),
        msg('contains-2'),
        msg('exact'),
      ],
      {
        entries: {
          keywords: [
            { keywords: ['price'], match: 'contains', target: 'c1' },
            { keywords: ['price'], match: 'contains', target: 'c2' },
            { keywords: ['price'], match: 'exact', target: 'e1' },
          ],
        },
      },
    );
    const p = new Player(flow);
    expect(texts(p.send(text(' Price ')).actions)).toEqual(['exact']);
    expect(texts(p.send(text('what price?')).actions)).toEqual(['contains-1']);
  });

  it('matches contains keywords only as whole words', () => {
    const p = new Player(shopLike());
    expect(texts(p.send(text('where is my Order  Status?')).actions)).toEqual(['Orders']);
    expect(texts(p.send(text('reorder statuses')).actions)).toEqual(['Sorry']);
  });
});

describe('rule 6: anything else', () => {
  it('starts the default trigger', () => {
    const p = new Player(shopLike());
    expect(texts(p.send(text('blah')).actions)).toEqual(['Sorry']);
  });

  it('sends nothing and keeps waiting without a default trigger', () => {
    const p = new Player(shopLike({ withDefault: false }));
    p.send(getStarted);
    const r = p.send(text('blah'));
    expect(r.actions).toEqual([]);
    expect(p.session.wait).toEqual({ kind: 'quick_replies', step: 'menu' });
  });

  it('sends an attachment at a quick-reply question to the default trigger', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    const r = p.send({ type: 'attachment', attachmentType: 'image', url: 'https://x/y.png' });
    expect(texts(r.actions)).toEqual(['Sorry']);
  });
});
