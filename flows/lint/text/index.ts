// Lint messages in the user's language, without i18next: `flows/` stays free of UI libraries.
// A finding keeps its stable English `code` and English `message` and carries `text`: the
// message's key and the values it is made from. The designer and the CLI render `text` in German
// through the same catalogues; a finding without `text` (or a key a catalogue lacks) shows its
// English `message`, so a new rule never shows nothing. See docs/i18n.md, "Lint messages".
import type { LintCode } from '../catalogue';
import { LINT_TEXT_DE } from './de';
import { LINT_TEXT_EN } from './en';

type En = typeof LINT_TEXT_EN;
/** A catalogue in any language: English's keys, each a string. */
export type LintTextCatalogue = { [G in keyof En]: { [V in keyof En[G]]: string } };

/** `code.variant` ("text-too-long.withButtons") or `parts.name`: every key English has. */
export type LintTextKey = {
  [G in keyof En]: `${G & string}.${keyof En[G] & string}`;
}[keyof En];
/** A code's message variants (`plain`, `withButtons`). */
export type LintVariant<C extends LintCode> = keyof En[C] & string;
export type LintPartKey = Extract<LintTextKey, `parts.${string}`>;

/** A message: its key and its values; a value may itself be a part ("The image of card 2"). */
export interface LintText {
  key: LintTextKey;
  params?: Readonly<Record<string, LintParam>>;
}
export type LintParam = string | number | LintText;

export type LintLanguage = 'en' | 'de';

export const LINT_TEXT: Readonly<Record<LintLanguage, LintTextCatalogue>> = {
  en: LINT_TEXT_EN,
  de: LINT_TEXT_DE,
};

const LOCALE: Record<LintLanguage, string> = { en: 'en-US', de: 'de-DE' };

/** Builds a message or part, checked against English's keys by the compiler. */
export function lintText(key: LintTextKey, params?: Record<string, LintParam>): LintText {
  return params ? { key, params } : { key };
}

/** The template for a key in a language; undefined when the catalogue lacks it. */
export function lintTemplate(key: string, language: LintLanguage): string | undefined {
  const dot = key.indexOf('.');
  const group = (LINT_TEXT[language] as Record<string, Record<string, string> | undefined>)[
    key.slice(0, dot)
  ];
  return group?.[key.slice(dot + 1)];
}

/**
 * The message in a language: `{{name}}` takes a value as it is, `{{name, number}}` formats a
 * number through Intl.NumberFormat. Values are not read as templates again.
 */
export function renderLintText(
  text: LintText,
  language: LintLanguage,
  locale: string = LOCALE[language],
): string {
  const template = lintTemplate(text.key, language) ?? lintTemplate(text.key, 'en') ?? text.key;
  const params = text.params ?? {};
  return template.replace(
    /\{\{\s*([\w.]+)\s*(?:,\s*(\w+)\s*)?\}\}/g,
    (whole, name: string, format?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'object') return renderLintText(value, language, locale);
      if (typeof value === 'number' && format === 'number')
        return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
      return String(value);
    },
  );
}

/** A finding's message in a language: from its `text` when it has one, else its English words. */
export function lintMessage(
  finding: { message: string; text?: LintText },
  language: LintLanguage,
  locale?: string,
): string {
  if (language === 'en' || !finding.text) return finding.message;
  return renderLintText(finding.text, language, locale);
}

/** The codes every catalogue must cover (text.test.ts). */
export type CoveredCodes = Exclude<keyof En, 'parts'> extends LintCode ? true : false;
