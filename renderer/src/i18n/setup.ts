// Picks the language at start-up and stores the user's choice through the host's settings.
import type { HostApi } from '../../../electron/host-api';
import { applyLanguage, browserLocales, languageStore, type LanguageSetting } from '.';

/** The system's locales: Electron's app.getLocale(), or in browser mode the browser's. */
export async function setupLanguage(host: HostApi): Promise<void> {
  const info = await host.app.info().catch(() => null);
  const system = info?.locale ? [info.locale] : browserLocales();
  applyLanguage(info?.language ?? 'system', system);
}

/** The user chose a language: shown at once, stored for the next start (and Electron's menu). */
export async function chooseLanguage(host: HostApi, setting: LanguageSetting): Promise<void> {
  applyLanguage(setting, languageStore.getState().system);
  await host.settings.setLanguage(setting);
}
