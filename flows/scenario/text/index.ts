// The scenario runner's failure details in the user's language, without i18next (flows/ stays
// free of UI libraries), like lint findings (flows/lint/text): a failure keeps its English
// `message` and carries `text`, its key and values; the designer and the CLI render `text` in
// their language. Values are shown as they are (JSON of what was sent, field names, the engine's
// own English message), `{{name, number}}` through Intl.NumberFormat; a value may itself be a
// text or a list of texts (joined with "; "). See docs/i18n.md.
import { SCENARIO_TEXT_DE } from './de';
import { SCENARIO_TEXT_EN } from './en';

export type ScenarioTextKey = keyof typeof SCENARIO_TEXT_EN;
export type ScenarioTextCatalogue = Record<ScenarioTextKey, string>;
export type ScenarioLanguage = 'en' | 'de';

export interface ScenarioText {
  key: ScenarioTextKey;
  params?: Readonly<Record<string, ScenarioParam>>;
}
export type ScenarioParam = string | number | ScenarioText | readonly ScenarioText[];

export const SCENARIO_TEXT: Readonly<Record<ScenarioLanguage, ScenarioTextCatalogue>> = {
  en: SCENARIO_TEXT_EN,
  de: SCENARIO_TEXT_DE,
};

const LOCALE: Record<ScenarioLanguage, string> = { en: 'en-US', de: 'de-DE' };

export function scenarioText(
  key: ScenarioTextKey,
  params?: Record<string, ScenarioParam>,
): ScenarioText {
  return params ? { key, params } : { key };
}

/** The text in a language; values are not read as templates again. */
export function renderScenarioText(
  text: ScenarioText,
  language: ScenarioLanguage,
  locale: string = LOCALE[language],
): string {
  const template = SCENARIO_TEXT[language][text.key] ?? SCENARIO_TEXT.en[text.key] ?? text.key;
  const params = text.params ?? {};
  return template.replace(
    /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g,
    (whole, name: string, format?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (Array.isArray(value))
        return value.map((v: ScenarioText) => renderScenarioText(v, language, locale)).join('; ');
      if (typeof value === 'object')
        return renderScenarioText(value as ScenarioText, language, locale);
      if (typeof value === 'number' && format === 'number')
        return new Intl.NumberFormat(locale).format(value);
      return String(value);
    },
  );
}

/** A failure's detail in a language: from its `text` when it has one, else its English words. */
export function scenarioMessage(
  failure: { message: string; text?: ScenarioText },
  language: ScenarioLanguage,
  locale?: string,
): string {
  if (language === 'en' || !failure.text) return failure.message;
  return renderScenarioText(failure.text, language, locale);
}
