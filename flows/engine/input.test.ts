import { describe, expect, it } from 'vitest';
import { testFlow, getStarted, Player, text } from './testFlow';

const texts = Player.texts;

function askFlow(maxRetries?: number) {
  return testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
      {
        id: 'ask',
        type: 'input',
        data: {
          prompt: 'Email?',
          kind: 'email',
          variable: 'email',
          retryPrompt: 'Not an email, {{user_first_name}}.',
          ...(maxRetries !== undefined ? { maxRetries } : {}),
        },
        outputs: { ok: 'ok', invalid: 'bad' },
      },
      { id: 'ok', type: 'message', data: { blocks: [{ type: 'text', text: 'Saved {{email}}' }] } },
      { id: 'bad', type: 'message', data: { blocks: [{ type: 'text', text: 'Giving up' }] } },
    ],
    { entries: { getStarted: 'start' } },
  );
}

describe('rule 3: answers to an input', () => {
  it('saves a valid answer and follows ok', () => {
    const p = new Player(askFlow());
    p.send(getStarted);
    const r = p.send(text(' anna@example.com '));
    expect(texts(r.actions)).toEqual(['Saved anna@example.com']);
    expect(p.session.variables).toEqual({ email: 'anna@example.com' });
    expect(r.trace).toContainEqual({ type: 'take', step: 'ask', handle: 'ok', to: 'ok' });
  });

  it('sends the retry prompt after an invalid email', () => {
    const p = new Player(askFlow());
    p.send(getStarted);
    expect(texts(p.send(text('nope')).actions)).toEqual(['Not an email, Anna.']);
    expect(p.session.wait).toEqual({ kind: 'input', step: 'ask', retries: 1 });
  });

  it('retries maxRetries times (default 2), then follows invalid', () => {
    const p = new Player(askFlow());
    p.send(getStarted);
    expect(texts(p.send(text('a')).actions)).toEqual(['Not an email, Anna.']);
    expect(texts(p.send(text('b')).actions)).toEqual(['Not an email, Anna.']);
    expect(texts(p.send(text('c')).actions)).toEqual(['Giving up']);
    expect(p.session.variables).toEqual({});
  });

  it('follows invalid at the first wrong answer when maxRetries is 0', () => {
    const p = new Player(askFlow(0));
    p.send(getStarted);
    expect(texts(p.send(text('a')).actions)).toEqual(['Giving up']);
  });

  it('sends the prompt again when there is no retry prompt', () => {
    const flow = askFlow();
    const ask = flow.steps[1]!;
    if (ask.type === 'input') delete ask.data.retryPrompt;
    const p = new Player(flow);
    p.send(getStarted);
    expect(texts(p.send(text('x')).actions)).toEqual(['Email?']);
  });

  it('resets the count when the input is entered anew', () => {
    const p = new Player(askFlow(1));
    p.send(getStarted);
    p.send(text('a'));
    p.send(getStarted);
    expect(p.session.wait).toEqual({ kind: 'input', step: 'ask', retries: 0 });
    expect(texts(p.send(text('b')).actions)).toEqual(['Not an email, Anna.']);
  });

  it('offers the user_email quick reply and accepts its payload as the answer', () => {
    const p = new Player(askFlow());
    const first = p.send(getStarted).actions[0];
    expect(first).toMatchObject({ type: 'send_text', quickReplies: [{ type: 'user_email' }] });
    p.send({ type: 'quick_reply', payload: 'anna@example.com', text: 'anna@example.com' });
    expect(p.session.variables['email']).toBe('anna@example.com');
  });

  it('validates an attachment at a text input as invalid', () => {
    const p = new Player(askFlow());
    p.send(getStarted);
    const r = p.send({ type: 'attachment', attachmentType: 'image', url: 'https://x/a.png' });
    expect(texts(r.actions)).toEqual(['Not an email, Anna.']);
  });
});

function kindFlow(data: object, defaultLocale?: string) {
  return testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
      {
        id: 'ask',
        type: 'input',
        data: { prompt: '?', variable: 'v', maxRetries: 0, ...data } as never,
        outputs: { ok: 'ok', invalid: 'bad' },
      },
      { id: 'ok', type: 'end', data: {} },
      { id: 'bad', type: 'end', data: {} },
    ],
    { entries: { getStarted: 'start' }, ...(defaultLocale ? { defaultLocale } : {}) },
  );
}

function answer(
  data: object,
  event: Parameters<Player['send']>[0],
  locale?: string,
  defaultLocale?: string,
) {
  const p = new Player(kindFlow(data, defaultLocale), { id: 'u', ...(locale ? { locale } : {}) });
  p.send(getStarted);
  const r = p.send(event);
  const took = r.trace.find((t) => t.type === 'take');
  return {
    handle: took?.type === 'take' ? took.handle : undefined,
    value: p.session.variables['v'],
  };
}

describe('input kinds', () => {
  it.each([
    [{ kind: 'number' }, '42', 42],
    [{ kind: 'number' }, '-3,5', -3.5],
    [{ kind: 'number', min: 1, max: 10 }, '10', 10],
    [{ kind: 'email' }, 'a.b@mail.example.org', 'a.b@mail.example.org'],
    [{ kind: 'phone' }, '+49 151 1234-5678', '+4915112345678'],
    [{ kind: 'phone' }, '0044 20 7946 0018', '+442079460018'],
    [{ kind: 'date' }, '2026-03-14', '2026-03-14'],
    [{ kind: 'date' }, '14.3.2026', '2026-03-14'],
    [{ kind: 'date' }, '14/03/2026', '2026-03-14'],
    [{ kind: 'date' }, 'March 14, 2026', '2026-03-14'],
    [{ kind: 'date' }, '14 mar 2026', '2026-03-14'],
    [{ kind: 'url' }, 'https://example.com/a?b=1', 'https://example.com/a?b=1'],
    [{ kind: 'url' }, 'example.com/shoes', 'https://example.com/shoes'],
    [{ kind: 'text', min: 2, max: 5 }, 'abc', 'abc'],
    [{ kind: 'text', pattern: '^[A-Z]{2}\\d{4}$' }, 'AB1234', 'AB1234'],
  ])('accepts %j answer %j and saves %j', (data, said, saved) => {
    expect(answer(data, { type: 'text', text: said })).toEqual({ handle: 'ok', value: saved });
  });

  it.each([
    [{ kind: 'number' }, 'forty'],
    [{ kind: 'number' }, '1,00,000'],
    [{ kind: 'number' }, '12 kg'],
    [{ kind: 'number', min: 1, max: 10 }, '11'],
    [{ kind: 'number', min: 1, max: 10 }, '0.5'],
    [{ kind: 'email' }, 'anna@'],
    [{ kind: 'email' }, 'anna example.com'],
    [{ kind: 'phone' }, '0151 1234567'],
    [{ kind: 'phone' }, '+12'],
    [{ kind: 'date' }, '2026-02-30'],
    [{ kind: 'date' }, 'someday'],
    [{ kind: 'date' }, 'today or tomorrow'],
    [{ kind: 'url' }, 'javascript:alert(1)'],
    [{ kind: 'url' }, 'not a url'],
    [{ kind: 'text', min: 2, max: 5 }, 'a'],
    [{ kind: 'text', min: 2, max: 5 }, 'abcdef'],
    [{ kind: 'text', pattern: '^[A-Z]{2}\\d{4}$' }, 'ab1234'],
    [{ kind: 'image' }, 'a photo'],
  ])('rejects %j answer %j', (data, said) => {
    expect(answer(data, { type: 'text', text: said })).toEqual({
      handle: 'invalid',
      value: undefined,
    });
  });

  it('reads slashed dates month-first for en_US users', () => {
    expect(answer({ kind: 'date' }, { type: 'text', text: '3/4/2026' }, 'en_US').value).toBe(
      '2026-03-04',
    );
    expect(answer({ kind: 'date' }, { type: 'text', text: '3/4/2026' }, 'de_DE').value).toBe(
      '2026-04-03',
    );
  });

  it('accepts only images at an image input and any attachment at an attachment input', () => {
    const image = {
      type: 'attachment',
      attachmentType: 'image',
      url: 'https://cdn/x.png',
    } as const;
    const file = { type: 'attachment', attachmentType: 'file', url: 'https://cdn/x.pdf' } as const;
    expect(answer({ kind: 'image' }, image)).toEqual({ handle: 'ok', value: 'https://cdn/x.png' });
    expect(answer({ kind: 'image' }, file)).toEqual({ handle: 'invalid', value: undefined });
    expect(answer({ kind: 'attachment' }, file)).toEqual({
      handle: 'ok',
      value: 'https://cdn/x.pdf',
    });
  });

  it('treats a tapped suggestion as typed text', () => {
    const p = new Player(kindFlow({ kind: 'number', suggestions: ['1', '2'] }));
    const prompt = p.send(getStarted).actions[0];
    expect(prompt).toMatchObject({
      quickReplies: [{ type: 'text', title: '1', payload: 'TL1:s:ask' }, { title: '2' }],
    });
    p.send({ type: 'quick_reply', payload: 'TL1:s:ask', text: '2' });
    expect(p.session.variables['v']).toBe(2);
  });
});

describe('phone answers', () => {
  const phone = { kind: 'phone' };
  const say = (said: string, locale?: string, defaultLocale?: string) =>
    answer(phone, { type: 'text', text: said }, locale, defaultLocale);

  it('reads a national number in the country of the user’s locale and saves E.164', () => {
    expect(say('0170 1234567', 'de_DE')).toEqual({ handle: 'ok', value: '+491701234567' });
    expect(say('(0151) 2345-6789', 'de_DE')).toEqual({ handle: 'ok', value: '+4915123456789' });
    expect(say('0664 1234567', 'de_AT')).toEqual({ handle: 'ok', value: '+436641234567' });
    expect(say('(201) 555-0123', 'en_US')).toEqual({ handle: 'ok', value: '+12015550123' });
  });

  it('accepts a possible number the metadata does not list, when it is as long as a mobile', () => {
    // libphonenumber knows 0151 numbers with eight digits after the prefix only; people type
    // seven, and the range may well be handed out later.
    expect(say('0151 1234567', 'de_DE')).toEqual({ handle: 'ok', value: '+491511234567' });
    expect(say('0151 1234567', undefined, 'de-DE').value).toBe('+491511234567');
  });

  it('falls back to the flow’s defaultLocale when the user’s locale names no country', () => {
    expect(say('0151 23456789', undefined, 'de-DE')).toEqual({
      handle: 'ok',
      value: '+4915123456789',
    });
    expect(say('0151 23456789', 'de', 'de-DE').value).toBe('+4915123456789');
    // The user's own country comes first.
    expect(say('020 7946 0018', 'en_GB', 'de-DE').value).toBe('+442079460018');
  });

  it('refuses a national number when neither the user nor the flow names a country', () => {
    expect(say('0151 23456789')).toEqual({ handle: 'invalid', value: undefined });
    expect(say('0151 23456789', 'de')).toEqual({ handle: 'invalid', value: undefined });
    // Facebook's es_LA (Latin America) names no country: no Laos numbers.
    expect(say('020 5555 1234', 'es_LA')).toEqual({ handle: 'invalid', value: undefined });
    expect(say('0151 23456789', 'es_LA', 'de-DE').value).toBe('+4915123456789');
  });

  it('keeps international answers international whatever the locale', () => {
    expect(say('+44 20 7946 0018', 'de_DE').value).toBe('+442079460018');
    expect(say('0044 20 7946 0018', 'de_DE').value).toBe('+442079460018');
    expect(say('+49 151 12345678').value).toBe('+4915112345678');
  });

  it.each([
    ['0151 12', 'de_DE'],
    // Possible in German length rules (which allow 5 digits), but shorter than any mobile.
    ['0151 12345', 'de_DE'],
    ['0151 1234567890123', 'de_DE'],
    ['+49 151', undefined],
    ['+999 1234567', undefined],
    ['0151 ABC 4567', 'de_DE'],
    ['call me', 'de_DE'],
    // A possible length, but no US area code starts with 1.
    ['+1 123 555 0123', undefined],
  ])('refuses %j (locale %j)', (said, locale) => {
    expect(say(said, locale)).toEqual({ handle: 'invalid', value: undefined });
  });

  it('takes the number from Messenger’s user_phone_number quick reply', () => {
    const r = answer(
      phone,
      { type: 'quick_reply', text: '+4915112345678', payload: '+4915112345678' },
      'de_DE',
    );
    expect(r).toEqual({ handle: 'ok', value: '+4915112345678' });
  });
});

describe('answers in the user’s language', () => {
  // The Player's clock starts at T0, Thursday 1 January 2026, 12:00 UTC.
  const say = (kind: string, said: string, locale?: string, defaultLocale?: string) =>
    answer({ kind }, { type: 'text', text: said }, locale, defaultLocale).value;

  it.each([
    ['42,5', 'de_DE', 42.5],
    ['1.234,5', 'de_DE', 1234.5],
    ['1.234', 'de_DE', 1234],
    ['1,234', 'de_DE', 1.234],
    ['1.000.000', 'de_DE', 1000000],
    ['1,234.5', 'en_US', 1234.5],
    ['1,234', 'en_GB', 1234],
    ['1.234', 'en_US', 1.234],
    ['1,000,000', 'en_US', 1000000],
    ['1 234,5', 'fr_FR', 1234.5],
    // A lone mark not followed by three digits can only be a decimal mark, in any language.
    ['3,5', 'en_US', 3.5],
    ['3.5', 'de_DE', 3.5],
    // Both marks: the last is the decimal one, whatever the locale.
    ['1,234.5', 'de_DE', 1234.5],
  ])('reads the number %j in %s as %j', (said, locale, value) => {
    expect(say('number', said, locale)).toBe(value);
  });

  it.each([
    ['1.23.4', 'de_DE'],
    ['1.2,5', 'de_DE'],
    ['1,23,456', 'en_US'],
    ['42 Euro', 'de_DE'],
  ])('refuses the number %j in %s', (said, locale) => {
    expect(say('number', said, locale)).toBeUndefined();
  });

  it('reads numbers in the flow’s default language when the user’s locale is unknown', () => {
    expect(say('number', '1.234', undefined, 'de-DE')).toBe(1234);
    expect(say('number', '1.234', undefined, 'en-US')).toBe(1.234);
    // The user's own locale comes first.
    expect(say('number', '1.234', 'en_US', 'de-DE')).toBe(1.234);
  });

  it.each([
    ['31.12.1990', 'de_DE', '1990-12-31'],
    ['1. März', 'de_DE', '2026-03-01'],
    ['am 1. März 2027', 'de_DE', '2027-03-01'],
    ['morgen', 'de_DE', '2026-01-02'],
    ['übermorgen', 'de_DE', '2026-01-03'],
    ['heute', 'de_DE', '2026-01-01'],
    ['14.3.', 'de_DE', '2026-03-14'],
    ['1.1.', 'de_DE', '2026-01-01'],
    ['31.12.', 'de_DE', '2026-12-31'],
    ['29.2.', 'de_DE', '2028-02-29'],
    ['Montag', 'de_DE', '2026-01-05'],
    ['tomorrow', 'en_US', '2026-01-02'],
    ['March 14', 'en_US', '2026-03-14'],
    // English month names are understood whatever the user's language, as before.
    ['March 14, 2026', 'de_DE', '2026-03-14'],
    ['1 mars 2026', 'fr_FR', '2026-03-01'],
  ])('reads the date %j in %s as %j', (said, locale, value) => {
    expect(say('date', said, locale)).toBe(value);
  });

  it('reads a date without a year as its next occurrence, today included', () => {
    const p = new Player(kindFlow({ kind: 'date' }), { id: 'u', locale: 'de_DE' });
    p.now = Date.UTC(2026, 2, 2, 9);
    p.send(getStarted);
    p.send(text('1. März'));
    expect(p.session.variables['v']).toBe('2027-03-01');
    const q = new Player(kindFlow({ kind: 'date' }), { id: 'u', locale: 'de_DE' });
    q.now = Date.UTC(2026, 2, 2, 9);
    q.send(getStarted);
    q.send(text('2.3.'));
    expect(q.session.variables['v']).toBe('2026-03-02');
  });

  it.each([
    ['heute oder morgen', 'de_DE'],
    ['März', 'de_DE'],
    ['10 Uhr', 'de_DE'],
    ['31.2.', 'de_DE'],
    ['morgen vielleicht', 'de_DE'],
    ['vom 1. bis 3. März', 'de_DE'],
  ])('refuses the date %j in %s', (said, locale) => {
    expect(say('date', said, locale)).toBeUndefined();
  });

  it('reads German dates for a user without a locale in a German flow', () => {
    expect(say('date', 'morgen', undefined, 'de-DE')).toBe('2026-01-02');
    expect(say('date', 'morgen')).toBeUndefined();
  });
});
