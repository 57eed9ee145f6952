// Every lint code speaks German: de.ts has exactly English's message keys, none empty, each with
// the same placeholders; and messages render with numbers through Intl and parts in place.
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../catalogue';
import { LINT_TEXT, lintMessage, lintText, renderLintText } from '.';

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('lint message catalogues', () => {
  const en = LINT_TEXT.en as Record<string, Record<string, string>>;
  const de = LINT_TEXT.de as Record<string, Record<string, string>>;

  it('have messages for every lint code, and for nothing else', () => {
    const codes = LINT_RULES.map((r) => r.code as string);
    expect(Object.keys(en).sort()).toEqual([...codes, 'parts'].sort());
    for (const code of codes) expect(Object.keys(en[code]!).length, code).toBeGreaterThan(0);
  });

  it('have every English message in German with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [group, messages] of Object.entries(en)) {
      expect(Object.keys(de[group]!).sort(), group).toEqual(Object.keys(messages).sort());
      for (const [variant, text] of Object.entries(messages)) {
        const german = de[group]![variant]!;
        expect(german.trim(), `${group}.${variant}`).not.toBe('');
        expect(placeholders(german), `placeholders of ${group}.${variant}`).toEqual(
          placeholders(text),
        );
      }
    }
  });

  it('renders numbers through Intl, parts in the same language, and values as they are', () => {
    const text = lintText('buttons-too-many.default', {
      owner: lintText('parts.card', {
        card: lintText('parts.cardQuoted', { title: 'Angebot {{x}}' }),
      }),
      count: 4000,
      limit: 3,
    });
    expect(renderLintText(text, 'en')).toBe(
      'Card "Angebot {{x}}" has 4,000 buttons; Messenger allows 3.',
    );
    expect(renderLintText(text, 'de')).toBe(
      'Karte „Angebot {{x}}“ hat 4.000 Buttons; Messenger erlaubt 3.',
    );
  });

  it('shows a finding without a key in its English words', () => {
    const finding = { message: 'file not found' };
    expect(lintMessage(finding, 'de')).toBe('file not found');
    const keyed = { message: 'x', text: lintText('invalid-document.notFound') };
    expect(lintMessage(keyed, 'de')).toBe('Datei nicht gefunden');
    expect(lintMessage(keyed, 'en')).toBe('x');
  });
});
