import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codePointLength, cutCodePoints, isWebUrl, renderTemplate } from './template';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const vars =
  (values: Record<string, string | number | undefined>) =>
  (name: string): string | number | undefined =>
    values[name];

describe('renderTemplate', () => {
  it('inserts values and fallbacks', () => {
    expect(renderTemplate('Hi {{name|there}}, {{n}}', vars({ n: 3 }))).toBe('Hi there, 3');
  });
});

describe('renderTemplate in a URL', () => {
  it('percent-encodes a value inserted into a URL as a component', () => {
    const url = renderTemplate(
      'https://shop.example/p?product={{product}}&ref={{ref}}',
      vars({ product: 'Trail Runner 2', ref: 'a&b=c/d?#é' }),
      { url: true },
    );
    expect(url).toBe(
      'https://shop.example/p?product=Trail%20Runner%202&ref=a%26b%3Dc%2Fd%3F%23%C3%A9',
    );
    expect(new URL(url).searchParams.get('product')).toBe('Trail Runner 2');
    expect(new URL(url).searchParams.get('ref')).toBe('a&b=c/d?#é');
  });

  it('encodes a fallback like a value', () => {
    expect(
      renderTemplate('https://shop.example/p/{{sku|all shoes}}', vars({}), { url: true }),
    ).toBe('https://shop.example/p/all%20shoes');
  });

  it('inserts a placeholder that opens the URL as it is', () => {
    const values = vars({ link: 'https://shop.example/a b?x=1', id: '7/8' });
    expect(renderTemplate('{{link}}', values, { url: true })).toBe('https://shop.example/a b?x=1');
    expect(renderTemplate(' {{link}}/{{id}}', values, { url: true })).toBe(
      ' https://shop.example/a b?x=1/7%2F8',
    );
  });

  it('never throws on a lone surrogate', () => {
    expect(renderTemplate('https://x.example/{{v}}', vars({ v: 'a\uD800b' }), { url: true })).toBe(
      'https://x.example/a%EF%BF%BDb',
    );
  });

  it('leaves text outside URLs alone', () => {
    expect(renderTemplate('{{a}} & {{b}}', vars({ a: 'x y', b: '?' }))).toBe('x y & ?');
  });
});

describe('isWebUrl', () => {
  it('accepts https, and http only when allowed', () => {
    expect(isWebUrl('https://shop.example/p')).toBe(true);
    expect(isWebUrl('http://shop.example/p')).toBe(false);
    expect(isWebUrl('http://shop.example/p', { httpsOnly: false })).toBe(true);
    expect(isWebUrl('htp://shop.example')).toBe(false);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('')).toBe(false);
    expect(isWebUrl('shop.example/p')).toBe(false);
  });
});

describe('renderTemplate with a length limit', () => {
  it('leaves a text that fits as it is', () => {
    expect(renderTemplate('Hi {{name}}!', vars({ name: 'Anna' }), { limit: 9 })).toBe('Hi Anna!');
  });

  it('cuts the inserted text so the field fits, with an ellipsis', () => {
    const huge = 'x'.repeat(900 * 1024);
    const text = renderTemplate('You said: {{last_input}}. Thanks!', vars({ last_input: huge }), {
      limit: 2000,
    });
    expect(codePointLength(text)).toBe(2000);
    expect(text.startsWith('You said: xxx')).toBe(true);
    expect(text.endsWith('x…. Thanks!')).toBe(true);
  });

  it('keeps short values whole and cuts the long one', () => {
    const text = renderTemplate(
      '{{name}}: {{said}}',
      vars({ name: 'Anna', said: 'a very long answer indeed' }),
      { limit: 20 },
    );
    expect(text).toBe('Anna: a very long a…');
    expect(codePointLength(text)).toBe(20);
  });

  it('shares the room fairly between two long values', () => {
    const text = renderTemplate('{{a}}|{{b}}', vars({ a: 'a'.repeat(50), b: 'b'.repeat(50) }), {
      limit: 21,
    });
    expect(text).toBe(`${'a'.repeat(9)}…|${'b'.repeat(9)}…`);
  });

  it('cuts by code points and never splits a surrogate pair', () => {
    const text = renderTemplate('{{t}}', vars({ t: '😀'.repeat(30) }), { limit: 20 });
    expect(text).toBe(`${'😀'.repeat(19)}…`);
    expect(codePointLength(text)).toBe(20);
  });

  it('always fits when the template text itself fits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 10 }),
        fc.integer({ min: 10, max: 80 }),
        (values, literal, limit) => {
          const template = values.map((_, i) => `${literal}{{v${i}}}`).join('');
          const lookup = (name: string) => values[Number(name.slice(1))];
          const text = renderTemplate(template, lookup, { limit });
          const literalLength = codePointLength(literal) * values.length;
          if (literalLength <= limit) expect(codePointLength(text)).toBeLessThanOrEqual(limit);
          expect(LONE_SURROGATE.test(text)).toBe(false);
        },
      ),
    );
  });
});

describe('cutCodePoints', () => {
  it('keeps surrogate pairs whole', () => {
    expect(cutCodePoints('a😀b', 2)).toBe('a😀');
    expect(cutCodePoints('a😀b', 10)).toBe('a😀b');
    expect(cutCodePoints('a😀b', 0)).toBe('');
  });

  it('counts code points, up to a cap when given', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('😀'.repeat(10), 4)).toBe(4);
    expect(codePointLength('\uD800x')).toBe(2);
  });
});
