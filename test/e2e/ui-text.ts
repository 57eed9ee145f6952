// The designer's own words for e2e tests that run in English and German: the same resources the
// app bundles (renderer/src/i18n), so a test finds a control by the name it has in that language.
import { de } from '../../renderer/src/i18n/de';
import { en, type Resources } from '../../renderer/src/i18n/en';

export type UiLanguage = 'en' | 'de';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'de'];

const TEXT: Record<UiLanguage, Resources> = { en, de };

/** The designer's text in `language`. */
export function uiText(language: UiLanguage): Resources {
  return TEXT[language];
}

/** The browser locale (Chromium's --lang) under which the designer shows `language`. */
export function localeOf(language: UiLanguage): string {
  return language === 'de' ? 'de-DE' : 'en-US';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches exactly the English or the German text picked by `pick`, for language-blind helpers. */
export function inAnyLanguage(pick: (text: Resources) => string): RegExp {
  return new RegExp(`^(${UI_LANGUAGES.map((l) => escape(pick(TEXT[l]))).join('|')})$`);
}
