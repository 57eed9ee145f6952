// Numbers and dates in the designer's language, through Intl (plurals: i18next's `_one`/`_other`
// keys, which it picks with Intl.PluralRules). The system's own locale is used when it is of the
// shown language (en-GB writes dates its way), else the language's usual one.
import { languageStore } from '.';

/** The locale numbers and dates are written in: the system's, when it is of the shown language. */
export function formatLocale(): string {
  const { language, system } = languageStore.getState();
  return (
    system.find((l) => l.toLowerCase().split(/[-_]/)[0] === language) ??
    (language === 'de' ? 'de-DE' : 'en-US')
  );
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(formatLocale(), options).format(value);
}

export function formatDateTime(value: Date | string | number): string {
  return new Intl.DateTimeFormat(formatLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}
