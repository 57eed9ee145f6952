// What users send besides text (docs/events.md): stickers, locations, shares, several attachments
// in one message, messages the flow cannot read, and a person taking the thread.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './events';
import { getStarted, Player, testFlow, text } from './testFlow';

const texts = Player.texts;

/** Get Started asks for `kind` into `got`; then "Next?" asks for text. A default trigger. */
function askFlow(kind: 'image' | 'attachment' | 'text') {
  return testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
      {
        id: 'ask',
        type: 'input',
        data: { prompt: 'Send it', kind, variable: 'got', retryPrompt: 'Not that' },
        outputs: { ok: 'next', invalid: 'bad' },
      },
      {
        id: 'next',
        type: 'input',
        data: { prompt: 'Next?', kind: 'attachment', variable: 'second' },
        outputs: { ok: 'done' },
      },
      { id: 'done', type: 'message', data: { blocks: [{ type: 'text', text: 'Done' }] } },
      { id: 'bad', type: 'message', data: { blocks: [{ type: 'text', text: 'Giving up' }] } },
      { id: 'any', type: 'trigger', data: { kind: 'default' }, outputs: { out: 'fallback' } },
      {
        id: 'fallback',
        type: 'message',
        data: { blocks: [{ type: 'text', text: 'Sorry, I did not get that' }] },
      },
    ],
    { entries: { getStarted: 'start', default: 'any' } },
  );
}

const attachment = (
  attachmentType: Extract<EngineEvent, { type: 'attachment' }>['attachmentType'],
  url: string,
  more?: Extract<EngineEvent, { type: 'attachment' }>['more'],
): EngineEvent => ({ type: 'attachment', attachmentType, url, ...(more ? { more } : {}) });

describe('attachments at an input', () => {
  it('takes a sticker as an image', () => {
    const p = new Player(askFlow('image'));
    p.send(getStarted);
    expect(texts(p.send(attachment('sticker', 'https://cdn/sticker.png')).actions)).toEqual([
      'Next?',
    ]);
    expect(p.session.variables.got).toBe('https://cdn/sticker.png');
  });

  it('refuses a location, a share or a video at an image input with the retry prompt', () => {
    for (const type of ['location', 'share', 'video'] as const) {
      const p = new Player(askFlow('image'));
      p.send(getStarted);
      expect(texts(p.send(attachment(type, 'https://x.example/y')).actions)).toEqual(['Not that']);
      expect(p.session.variables).toEqual({});
    }
  });

  it('takes a location, a share and a file at an attachment input', () => {
    for (const type of ['location', 'share', 'file', 'sticker'] as const) {
      const p = new Player(askFlow('attachment'));
      p.send(getStarted);
      p.send(attachment(type, `https://x.example/${type}`));
      expect(p.session.variables.got).toBe(`https://x.example/${type}`);
    }
  });

  it('answers one question with several attachments: the first photo, nothing left over', () => {
    const p = new Player(askFlow('image'));
    p.send(getStarted);
    const r = p.send(
      attachment('file', 'https://cdn/a.pdf', [
        { attachmentType: 'image', url: 'https://cdn/1.jpg' },
        { attachmentType: 'image', url: 'https://cdn/2.jpg' },
      ]),
    );
    expect(texts(r.actions)).toEqual(['Next?']);
    expect(p.session.variables.got).toBe('https://cdn/1.jpg');
    // The other photos did not answer the next question: it still waits.
    expect(p.session.wait).toEqual({ kind: 'input', step: 'next', retries: 0 });
    expect(p.session.variables.second).toBeUndefined();
  });

  it('answers a text input that gets an attachment with the retry prompt', () => {
    const p = new Player(askFlow('text'));
    p.send(getStarted);
    expect(texts(p.send(attachment('sticker', 'https://cdn/s.png')).actions)).toEqual(['Not that']);
  });
});

describe('a message the flow cannot read', () => {
  it('starts the default trigger, also while an input waits', () => {
    const p = new Player(askFlow('image'));
    p.send(getStarted);
    const r = p.send({ type: 'other_message', what: 'attachment of type "appointment_booking"' });
    expect(texts(r.actions)).toEqual(['Sorry, I did not get that']);
  });

  it('is ignored while a person has the thread', () => {
    const p = new Player(askFlow('image'));
    p.send({ type: 'handover_taken' });
    const r = p.send({ type: 'other_message', what: 'message without content' });
    expect(r.actions).toEqual([]);
  });
});

describe('a person takes the thread', () => {
  it('silences the bot until the thread comes back, then it answers again', () => {
    const p = new Player(askFlow('text'));
    p.send(getStarted);
    p.send({ type: 'handover_taken' });
    expect(p.session.wait).toMatchObject({ kind: 'handover' });
    expect(p.send(text('hello?')).actions).toEqual([]);
    const back = p.send({ type: 'handover_returned' });
    expect(texts(back.actions)).toEqual([]);
    expect(p.session.wait).toBeNull();
    expect(p.session.disclosureDue).toBe(true);
    expect(texts(p.send(text('hello again')).actions)).toEqual(['Sorry, I did not get that']);
  });

  it('keeps a handover step that already waits, with its start', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'human' } },
        { id: 'human', type: 'handover', data: {}, outputs: { returned: 'back' } },
        { id: 'back', type: 'message', data: { blocks: [{ type: 'text', text: 'Back' }] } },
      ],
      { entries: { getStarted: 'start' } },
    );
    const p = new Player(flow);
    p.send(getStarted);
    const before = p.session.wait;
    p.send({ type: 'handover_taken' });
    expect(p.session.wait).toEqual(before);
    expect(texts(p.send({ type: 'handover_returned' }).actions)).toEqual(['Back']);
  });

  it('lapses after 24 hours like a handover step', () => {
    const p = new Player(askFlow('text'));
    p.send({ type: 'handover_taken' });
    const r = p.send(text('anyone?'), 25 * 60 * 60 * 1000);
    expect(texts(r.actions)).toEqual(['Sorry, I did not get that']);
  });
});
