// What the engine puts into Messenger's fields: URLs with encoded variables, and inserted text cut
// to each field's limit.
import { describe, expect, it } from 'vitest';
import { MESSENGER_LIMITS as L } from '../limits';
import { codePointLength } from '../template';
import type { ActionOfType } from './actions';
import { Player, testFlow, text } from './testFlow';

const flow = testFlow(
  [
    {
      id: 'start',
      type: 'trigger',
      data: { kind: 'default' },
      outputs: { out: 'ask' },
    },
    {
      id: 'ask',
      type: 'input',
      data: { prompt: 'Which product?', kind: 'text', variable: 'product' },
      outputs: { ok: 'show' },
    },
    {
      id: 'show',
      type: 'message',
      data: {
        blocks: [
          { type: 'text', text: 'You said: {{product}}' },
          {
            type: 'text',
            text: 'About {{product}}',
            buttons: [
              {
                id: 'open',
                type: 'url',
                title: 'See {{product}}',
                url: 'https://shop.example/p?product={{product}}',
              },
              { id: 'whole', type: 'url', title: 'Whole', url: '{{product}}' },
              { id: 'pick', type: 'postback', title: 'See {{product}}' },
            ],
          },
          {
            type: 'cards',
            cards: [
              {
                id: 'c1',
                title: 'Card {{product}}',
                subtitle: '{{product}}',
                url: 'https://shop.example/p/{{product}}',
                imageUrl: '{{product}}',
              },
            ],
          },
          { type: 'image', url: 'https://cdn.example/{{product}}.png' },
        ],
        quickReplies: [{ id: 'more', title: 'More {{product}}' }],
      },
      outputs: { 'reply:more': 'more' },
    },
    { id: 'more', type: 'message', data: { blocks: [{ type: 'text', text: 'More!' }] } },
  ],
  { entries: { default: 'start' }, variables: [{ name: 'product', type: 'text' }] },
);

function run(product: string) {
  const p = new Player(flow);
  p.send(text('hi'));
  return p.send(text(product)).actions;
}

const sent = <T extends 'send_text' | 'send_cards' | 'send_media'>(
  actions: ReturnType<typeof run>,
  type: T,
) => actions.filter((a): a is ActionOfType<T> => a.type === type);

describe('URLs the engine sends', () => {
  it('percent-encodes a variable inserted into a URL', () => {
    const actions = run('Trail Runner 2');
    const [, withButtons] = sent(actions, 'send_text');
    expect(withButtons!.buttons?.[0]).toEqual({
      type: 'url',
      title: 'See Trail Runner 2',
      url: 'https://shop.example/p?product=Trail%20Runner%202',
    });
    const [cards] = sent(actions, 'send_cards');
    expect(cards!.cards[0]!.url).toBe('https://shop.example/p/Trail%20Runner%202');
    expect(sent(actions, 'send_media')[0]!.url).toBe('https://cdn.example/Trail%20Runner%202.png');
  });

  it('leaves out a link whose whole-URL variable is not an https address, and logs it', () => {
    const actions = run('Trail Runner 2');
    const [, withButtons] = sent(actions, 'send_text');
    expect(withButtons!.buttons?.map((b) => b.type)).toEqual(['url', 'postback']);
    const [cards] = sent(actions, 'send_cards');
    expect(cards!.cards[0]).not.toHaveProperty('imageUrl');
    const logs = actions.filter((a) => a.type === 'log' && a.code === 'url-invalid');
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({ level: 'warning', step: 'show' });
  });

  it('sends a whole-URL variable as it is when it is an https address', () => {
    const actions = run('https://shop.example/p?id=1&x=a%20b');
    const [, withButtons] = sent(actions, 'send_text');
    expect(withButtons!.buttons?.[1]).toEqual({
      type: 'url',
      title: 'Whole',
      url: 'https://shop.example/p?id=1&x=a%20b',
    });
    expect(sent(actions, 'send_cards')[0]!.cards[0]!.imageUrl).toBe(
      'https://shop.example/p?id=1&x=a%20b',
    );
  });

  it('takes the error output of an HTTP node whose URL is not a web address', () => {
    const http = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'default' }, outputs: { out: 'call' } },
        {
          id: 'call',
          type: 'http',
          data: { method: 'GET', url: '{{endpoint}}' },
          outputs: { error: 'oops' },
        },
        { id: 'oops', type: 'message', data: { blocks: [{ type: 'text', text: 'Sorry' }] } },
      ],
      { entries: { default: 'start' }, variables: [{ name: 'endpoint', type: 'text' }] },
    );
    const actions = new Player(http).send(text('hi')).actions;
    expect(actions.some((a) => a.type === 'http_request')).toBe(false);
    expect(Player.texts(actions)).toEqual(['Sorry']);
  });
});

describe('inserted text is cut to the field', () => {
  it('cuts a 900 KB answer to fit the text, the button and card titles and quick replies', () => {
    const huge = '😀'.repeat(450 * 1024);
    const actions = run(huge);
    const [plain, withButtons] = sent(actions, 'send_text');
    expect(codePointLength(plain!.text)).toBe(L.textLength);
    expect(plain!.text.startsWith('You said: 😀')).toBe(true);
    expect(plain!.text.endsWith('😀…')).toBe(true);
    expect(codePointLength(withButtons!.text)).toBe(L.buttonTemplateTextLength);
    // The two URL buttons are left out (see below); the postback button's title is cut.
    const title = withButtons!.buttons![0]!.title;
    expect(codePointLength(title)).toBe(L.buttonTitleLength);
    expect(title).toBe(`See ${'😀'.repeat(15)}…`);
    const card = sent(actions, 'send_cards')[0]!.cards[0]!;
    expect(codePointLength(card.title)).toBe(L.cardTitleLength);
    expect(codePointLength(card.subtitle!)).toBe(L.cardSubtitleLength);
    // The image's address is too long, so the cards carry the quick replies instead.
    expect(sent(actions, 'send_media')).toEqual([]);
    const replies = sent(actions, 'send_cards')[0]!.quickReplies!;
    expect(replies[0]).toMatchObject({ type: 'text', title: `More ${'😀'.repeat(14)}…` });
    // A URL made huge by the variable is left out rather than sent.
    expect(withButtons!.buttons?.map((b) => b.type)).toEqual(['postback']);
    expect(card).not.toHaveProperty('url');
    const codes = actions.flatMap((a) => (a.type === 'log' ? [a.code] : []));
    expect(codes).toEqual(Array(5).fill('url-too-long'));
    expect(JSON.stringify(actions).length).toBeLessThan(100_000);
  });

  it('matches a typed quick-reply title against the title as it was sent', () => {
    const p = new Player(flow);
    p.send(text('hi'));
    const shown = sent(p.send(text('x'.repeat(40))).actions, 'send_media')[0]!.quickReplies![0]!;
    expect(shown).toMatchObject({ title: `More ${'x'.repeat(14)}…` });
    expect(Player.texts(p.send(text(`More ${'x'.repeat(14)}…`)).actions)).toEqual(['More!']);
  });
});
