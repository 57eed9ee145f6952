// The CLI's own messages in the user's language: German under a German locale (LC_ALL,
// LC_MESSAGES or LANG like de_DE.UTF-8, in POSIX's order), English otherwise. Lint codes, the
// severity words in `FILE: NODE_ID: error CODE: message` and --json output stay English: scripts
// read them. Numbers and plurals go through Intl. See docs/i18n.md.

export type CliLanguage = 'en' | 'de';

/** The language a POSIX environment asks for ("C" and "POSIX" mean English). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLanguage {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^de([_.@-]|$)/i.test(locale) ? 'de' : 'en';
}

type Plural = { one: string; other: string };

const MESSAGES = {
  en: {
    fileNotFound: 'file not found',
    isFolder: 'is a folder, not a flow file',
    cannotRead: 'cannot read the file ({{reason}})',
    errors: { one: '{{n}} error', other: '{{n}} errors' },
    warnings: { one: '{{n}} warning', other: '{{n}} warnings' },
    files: { one: '{{n}} file', other: '{{n}} files' },
    lintSummary: '{{errors}}, {{warnings}} in {{files}}',
  },
  de: {
    fileNotFound: 'Datei nicht gefunden',
    isFolder: 'ist ein Ordner, keine Flow-Datei',
    cannotRead: 'Datei kann nicht gelesen werden ({{reason}})',
    errors: { one: '{{n}} Fehler', other: '{{n}} Fehler' },
    warnings: { one: '{{n}} Warnung', other: '{{n}} Warnungen' },
    files: { one: '{{n}} Datei', other: '{{n}} Dateien' },
    lintSummary: '{{errors}}, {{warnings}} in {{files}}',
  },
} satisfies Record<CliLanguage, Record<string, string | Plural>>;

type Key = keyof (typeof MESSAGES)['en'];
type TextKey = { [K in Key]: (typeof MESSAGES)['en'][K] extends string ? K : never }[Key];
type PluralKey = Exclude<Key, TextKey>;

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`);

/** The CLI's messages in one language. */
export function cliMessages(language: CliLanguage = cliLanguage()) {
  const messages = MESSAGES[language];
  const locale = language === 'de' ? 'de-DE' : 'en-US';
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return {
    text: (key: TextKey, params: Record<string, string> = {}) => fill(messages[key], params),
    /** "1 error", "2 Warnungen": the count with its noun, by the language's plural rules. */
    count: (key: PluralKey, n: number) => {
      const forms: Plural = messages[key];
      return fill(plurals.select(n) === 'one' ? forms.one : forms.other, {
        n: numbers.format(n),
      });
    },
  };
}
