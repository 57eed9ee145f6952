// The designer's languages: one i18next instance with English and German bundled (no loading at
// run time), the language chosen from the setting or the system, and `<html lang>` kept in step.
// Components translate with react-i18next's useTranslation(); code outside React (commands, file
// actions, notices) with `t` from here. See docs/i18n.md.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { z } from 'zod';
import { de as zodDe, en as zodEn } from 'zod/locales';
import { resolveLanguage, type Language, type LanguageSetting } from '../../../electron/host-api';
import { de } from './de';
import { en } from './en';

export type { Language, LanguageSetting };
export const LANGUAGES: readonly Language[] = ['en', 'de'];
/** Each language's name in itself, as language pickers show them. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  // React escapes; the text never goes into HTML by hand.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

// "Add {{label, lowercase}}": English lowercases a noun inside a sentence, German does not.
i18n.services.formatter?.add('lowercase', (value: unknown) => String(value).toLowerCase());

/** Translates outside React (in components, use useTranslation so that they re-render). */
export const t = i18n.t.bind(i18n);

/**
 * A key built at run time, like `commands.${id}` (i18n.test.ts checks that every command and node
 * type has its key); the fallback shows when one is missing.
 */
export function tKey(
  key: string,
  fallback: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return i18n.t(key as 'app.untitled', { ...values, defaultValue: fallback });
}

export interface LanguageState {
  /** What the user chose ("system" by default). */
  setting: LanguageSetting;
  /** The system's preferred locales, best first (Electron's, else the browser's). */
  system: readonly string[];
  /** The language shown now. */
  language: Language;
}

export const languageStore = createStore<LanguageState>()(() => ({
  setting: 'system',
  system: [],
  language: 'en',
}));

/**
 * The language shown, for components that translate with `t` from here rather than
 * useTranslation: the canvas nodes, of which there may be thousands, re-render on a change of
 * language through this one cheap store subscription each.
 */
export function useLanguage(): Language {
  return useStore(languageStore, (s) => s.language);
}

/** Shows the designer in the language the setting and the system's locales give. */
export function applyLanguage(setting: LanguageSetting, system: readonly string[]): Language {
  const language = resolveLanguage(setting, system);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  languageStore.setState({ setting, system, language });
  // zod's own words (schema problems of a flow or scenario file that cannot be read) follow the
  // designer's language; z.config is global, so it is set here, where the language is chosen.
  z.config((language === 'de' ? zodDe : zodEn)());
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return language;
}

/** The language "System" stands for with these locales. */
export function resolveSystemLanguage(system: readonly string[]): Language {
  return resolveLanguage('system', system);
}

/** The browser's preferred locales (Chromium's `--lang`, the browser's settings). */
export function browserLocales(): string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? [...navigator.languages] : [navigator.language];
}
