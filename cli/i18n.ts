// The CLI's own messages in the user's language: German under a German locale (LC_ALL,
// LC_MESSAGES or LANG like de_DE.UTF-8, in POSIX's order), English otherwise. Lint codes, the
// severity words in `FILE: NODE_ID: error CODE: message` and --json output stay English: scripts
// read them. Numbers and plurals go through Intl. Lint messages come from flows/lint/text, in the
// same language (formatFinding). See docs/i18n.md.

import i18next from 'i18next';

export type CliLanguage = 'en' | 'de';

/** The language a POSIX environment asks for ("C" and "POSIX" mean English). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLanguage {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^de([_.@-]|$)/i.test(locale) ? 'de' : 'en';
}

const MESSAGES = {
  en: {
    errors_one: '{{count, number}} error',
    errors_other: '{{count, number}} errors',
    warnings_one: '{{count, number}} warning',
    warnings_other: '{{count, number}} warnings',
    files_one: '{{count, number}} file',
    files_other: '{{count, number}} files',
    lintSummary: '{{errors}}, {{warnings}} in {{files}}',
    // threadline subscribers / broadcast
    subscribers_one: '{{count, number}} subscriber',
    subscribers_other: '{{count, number}} subscribers',
    windowOpenUntil: 'window open until {{until}}',
    windowClosed: 'window closed',
    segmentSize: 'Segment: {{size}} subscribers, {{reachable}} reachable now (window open)',
    broadcastCreated: 'Broadcast {{id}} scheduled for {{at}}',
    broadcastProgress:
      '{{status}}: {{sent}} sent, {{skipped}} skipped, {{failed}} failed, {{waiting}} still to go',
  },
  de: {
    errors_one: '{{count, number}} Fehler',
    errors_other: '{{count, number}} Fehler',
    warnings_one: '{{count, number}} Warnung',
    warnings_other: '{{count, number}} Warnungen',
    files_one: '{{count, number}} Datei',
    files_other: '{{count, number}} Dateien',
    lintSummary: '{{errors}}, {{warnings}} in {{files}}',
    // threadline subscribers / broadcast
    subscribers_one: '{{count, number}} Abonnent',
    subscribers_other: '{{count, number}} Abonnenten',
    windowOpenUntil: 'Fenster offen bis {{until}}',
    windowClosed: 'Fenster geschlossen',
    segmentSize: 'Segment: {{size}} Abonnenten, jetzt erreichbar: {{reachable}} (Fenster offen)',
    broadcastCreated: 'Broadcast {{id}} geplant für {{at}}',
    broadcastProgress:
      '{{status}}: {{sent}} gesendet, {{skipped}} übersprungen, {{failed}} fehlgeschlagen, {{waiting}} ausstehend',
  },
} satisfies Record<CliLanguage, Record<string, string>>;

type Key = keyof (typeof MESSAGES)['en'];
type PluralKey = Key extends infer K ? (K extends `${infer B}_one` ? B : never) : never;
type TextKey = Exclude<Key, `${string}_one` | `${string}_other`>;

/** The CLI's messages in one language, through i18next (plurals and numbers by Intl). */
export function cliMessages(language: CliLanguage = cliLanguage()) {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: MESSAGES.en }, de: { translation: MESSAGES.de } },
    // Terminal text, not HTML.
    interpolation: { escapeValue: false },
  });
  // The renderer types i18next's keys for its own resources; these keys are typed above.
  const t = i18n.t.bind(i18n) as unknown as (key: string, options: object) => string;
  return {
    text: (key: TextKey, params: Record<string, string> = {}) => t(key, params),
    /** "1 error", "2 Warnungen": the count with its noun, by the language's plural rules. */
    count: (key: PluralKey, n: number) => t(key, { count: n }),
  };
}
