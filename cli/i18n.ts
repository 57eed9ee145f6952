// The CLI's own messages in the user's language: German under a German locale (LC_ALL,
// LC_MESSAGES or LANG like de_DE.UTF-8, in POSIX's order), English otherwise. Lint codes, the
// severity words in `FILE: NODE_ID: error CODE: message` and --json output stay English: scripts
// read them. Numbers and plurals go through Intl. See docs/i18n.md.

import i18next from 'i18next';

export type CliLanguage = 'en' | 'de';

/** The language a POSIX environment asks for ("C" and "POSIX" mean English). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLanguage {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^de([_.@-]|$)/i.test(locale) ? 'de' : 'en';
}

const MESSAGES = {
  en: {
    fileNotFound: 'file not found',
    isFolder: 'is a folder, not a flow file',
    cannotRead: 'cannot read the file ({{reason}})',
    errors_one: '{{count, number}} error',
    errors_other: '{{count, number}} errors',
    warnings_one: '{{count, number}} warning',
    warnings_other: '{{count, number}} warnings',
    files_one: '{{count, number}} file',
    files_other: '{{count, number}} files',
    lintSummary: '{{errors}}, {{warnings}} in {{files}}',
    // revisions, rollback, publish (issue #16)
    cannotReach: 'cannot reach {{to}}: {{reason}}',
    tokenRefused: '{{to}} refused the admin token (401)',
    refusedStatus: '{{to}} refused the request ({{status}})',
    colRevision: 'revision',
    colWhen: 'published',
    colNodes: 'nodes',
    colActive: 'active',
    activeMark: 'yes',
    noRevisions: 'no flow "{{flowId}}" on {{to}}',
    revisionNotFound: 'flow "{{flowId}}" has no revision starting with "{{revision}}"',
    revisionAmbiguous: '"{{revision}}" matches more than one revision of "{{flowId}}": {{matches}}',
    rolledBack: 'rolled {{flowId}} back to revision {{revision}} of {{when}} ({{profile}})',
    profileApplied: 'Messenger profile applied',
    profileUnchanged: 'Messenger profile unchanged',
    profileRefused: 'Messenger profile refused: {{message}}',
    badMove: '--move needs OLD=NEW or OLD=end, got "{{value}}"',
    firstPublish: 'first publish of {{flowId}}: {{nodes}}',
    noActiveContent: 'the runtime did not send the active revision {{revision}}: no comparison',
    sameRevision: 'unchanged: revision {{revision}} is already active',
    changesSince: 'changes against the active revision {{revision}}:',
    noNodeChanged: 'no node changed',
    nodeAdded: '+ {{node}} ({{type}}) added',
    nodeRemoved: '- {{node}} ({{type}}) removed',
    nodeChanged: '~ {{node}} ({{type}}): {{what}}',
    typeChanged: 'now a {{type}}, was a {{before}}',
    textChanged: 'text {{path}}: {{before}} → {{after}}',
    itemAdded: '{{kind}} {{title}} added',
    itemRemoved: '{{kind}} {{title}} removed',
    itemRenamed: '{{kind}} {{before}} renamed {{after}}',
    itemChanged: '{{kind}} {{title}}: {{fields}} changed',
    rewired: '{{handle}} {{before}} → {{after}}',
    settingChanged: '{{path}} {{before}} → {{after}}',
    none: '(none)',
    flowChanged: 'flow {{path}} changed',
    variableChange: 'variable {{name}} {{change}}',
    kind_button: 'button',
    kind_quickReply: 'quick reply',
    kind_card: 'card',
    kind_branch: 'branch',
    kind_variant: 'variant',
    change_added: 'added',
    change_removed: 'removed',
    change_changed: 'changed',
    strandedTitle: 'users waiting at nodes this publish removes or changes:',
    reason_removed: 'removed',
    'reason_type-changed': 'changed its type',
    'reason_no-longer-waits': 'no longer asks',
    'reason_replies-removed': 'lost quick replies {{replies}}',
    strandedLine: '{{node}} ({{type}}, {{reason}}): {{waiting}}',
    movesTo: 'move to {{target}}',
    movesEnd: 'their wait ends',
    keepsWaiting: 'they keep waiting there',
    noChoice: 'their wait ends (choose with --move {{node}}=NEW or --move {{node}}=end)',
    published: '{{file}}: published {{flowId}} revision {{revision}} to {{to}} ({{profile}})',
    sessionsMoved: 'sessions: {{moved}} moved, {{ended}} stopped waiting',
    refusedFile: '{{to}} refused {{file}} ({{status}})',
    notPublishedLint: '{{file}}: not published: fix the errors above first',
    users_one: '{{count, number}} user waiting',
    users_other: '{{count, number}} users waiting',
    nodes_one: '{{count, number}} node',
    nodes_other: '{{count, number}} nodes',
  },
  de: {
    fileNotFound: 'Datei nicht gefunden',
    isFolder: 'ist ein Ordner, keine Flow-Datei',
    cannotRead: 'Datei kann nicht gelesen werden ({{reason}})',
    errors_one: '{{count, number}} Fehler',
    errors_other: '{{count, number}} Fehler',
    warnings_one: '{{count, number}} Warnung',
    warnings_other: '{{count, number}} Warnungen',
    files_one: '{{count, number}} Datei',
    files_other: '{{count, number}} Dateien',
    lintSummary: '{{errors}}, {{warnings}} in {{files}}',
    // revisions, rollback, publish (issue #16)
    cannotReach: '{{to}} ist nicht erreichbar: {{reason}}',
    tokenRefused: '{{to}} hat das Admin-Token abgelehnt (401)',
    refusedStatus: '{{to}} hat die Anfrage abgelehnt ({{status}})',
    colRevision: 'Revision',
    colWhen: 'veröffentlicht',
    colNodes: 'Knoten',
    colActive: 'aktiv',
    activeMark: 'ja',
    noRevisions: 'kein Flow „{{flowId}}“ auf {{to}}',
    revisionNotFound: 'Flow „{{flowId}}“ hat keine Revision, die mit „{{revision}}“ beginnt',
    revisionAmbiguous: '„{{revision}}“ passt auf mehrere Revisionen von „{{flowId}}“: {{matches}}',
    rolledBack: '{{flowId}} auf Revision {{revision}} vom {{when}} zurückgesetzt ({{profile}})',
    profileApplied: 'Messenger-Profil übernommen',
    profileUnchanged: 'Messenger-Profil unverändert',
    profileRefused: 'Messenger-Profil abgelehnt: {{message}}',
    badMove: '--move braucht ALT=NEU oder ALT=end, erhalten: „{{value}}“',
    firstPublish: 'erste Veröffentlichung von {{flowId}}: {{nodes}}',
    noActiveContent:
      'die Runtime hat die aktive Revision {{revision}} nicht mitgeschickt: kein Vergleich',
    sameRevision: 'unverändert: Revision {{revision}} ist schon aktiv',
    changesSince: 'Änderungen gegenüber der aktiven Revision {{revision}}:',
    noNodeChanged: 'kein Knoten geändert',
    nodeAdded: '+ {{node}} ({{type}}) hinzugefügt',
    nodeRemoved: '- {{node}} ({{type}}) entfernt',
    nodeChanged: '~ {{node}} ({{type}}): {{what}}',
    typeChanged: 'jetzt {{type}}, vorher {{before}}',
    textChanged: 'Text {{path}}: {{before}} → {{after}}',
    itemAdded: '{{kind}} {{title}} hinzugefügt',
    itemRemoved: '{{kind}} {{title}} entfernt',
    itemRenamed: '{{kind}} {{before}} umbenannt in {{after}}',
    itemChanged: '{{kind}} {{title}}: {{fields}} geändert',
    rewired: '{{handle}} {{before}} → {{after}}',
    settingChanged: '{{path}} {{before}} → {{after}}',
    none: '(keine)',
    flowChanged: 'Flow-Einstellung {{path}} geändert',
    variableChange: 'Variable {{name}} {{change}}',
    kind_button: 'Button',
    kind_quickReply: 'Schnellantwort',
    kind_card: 'Karte',
    kind_branch: 'Zweig',
    kind_variant: 'Variante',
    change_added: 'hinzugefügt',
    change_removed: 'entfernt',
    change_changed: 'geändert',
    strandedTitle: 'Nutzer, die an Knoten warten, die diese Veröffentlichung entfernt oder ändert:',
    reason_removed: 'entfernt',
    'reason_type-changed': 'Typ geändert',
    'reason_no-longer-waits': 'fragt nicht mehr',
    'reason_replies-removed': 'Schnellantworten {{replies}} entfernt',
    strandedLine: '{{node}} ({{type}}, {{reason}}): {{waiting}}',
    movesTo: 'wechseln zu {{target}}',
    movesEnd: 'ihr Warten endet',
    keepsWaiting: 'sie warten dort weiter',
    noChoice: 'ihr Warten endet (wählen mit --move {{node}}=NEU oder --move {{node}}=end)',
    published: '{{file}}: {{flowId}} Revision {{revision}} auf {{to}} veröffentlicht ({{profile}})',
    sessionsMoved: 'Sitzungen: {{moved}} verschoben, {{ended}} warten nicht mehr',
    refusedFile: '{{to}} hat {{file}} abgelehnt ({{status}})',
    notPublishedLint: '{{file}}: nicht veröffentlicht: erst die Fehler oben beheben',
    users_one: '{{count, number}} Nutzer wartet',
    users_other: '{{count, number}} Nutzer warten',
    nodes_one: '{{count, number}} Knoten',
    nodes_other: '{{count, number}} Knoten',
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
