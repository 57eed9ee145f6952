// The CLI's own messages in the user's language: German under a German locale (LC_ALL,
// LC_MESSAGES or LANG like de_DE.UTF-8, in POSIX's order), English otherwise. Lint codes, the
// severity words in `FILE: NODE_ID: error CODE: message` and --json output stay English: scripts
// read them. Numbers and plurals go through Intl. Lint messages come from flows/lint/text, in the
// same language (formatFinding). See docs/i18n.md.

import i18next from 'i18next';
import { z } from 'zod';
import { de as zodDe, en as zodEn } from 'zod/locales';
import { HELP_DE } from './help-de';

export type CliLanguage = 'en' | 'de';

/** The language a POSIX environment asks for ("C" and "POSIX" mean English). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLanguage {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^de([_.@-]|$)/i.test(locale) ? 'de' : 'en';
}

/**
 * Sets zod's own words (schema problems of a file that cannot be read) to the CLI's language.
 * z.config is global: the CLI sets it where it reads files, never flows/.
 */
export function applyZodLanguage(language: CliLanguage = cliLanguage()): void {
  z.config((language === 'de' ? zodDe : zodEn)());
}

const EN = {
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
  // usage problems (args.ts, main.ts)
  usageLine: 'Usage: {{usage}}   (more: threadline {{command}} --help)',
  unknownCommand: 'unknown command "{{name}}"',
  unknownOption: 'unknown option {{option}}',
  takesNoValue: '{{option}} takes no value (got "{{value}}")',
  needsValue: '{{option}} needs a value: {{named}}',
  needsNonEmptyValue: '{{option}} needs a value, not an empty one',
  missingOption: 'missing --{{name}} {{value}}: {{help}}',
  takesNoArguments_one: 'takes no argument, got {{given}}',
  takesNoArguments_other: 'takes no arguments, got {{given}}',
  missingOperand: 'missing {{operand}}: {{help}}',
  takesOneOperand: 'takes one {{operand}}, got {{count, number}}: {{given}}',
  badTo: '--to needs the runtime URL (http:// or https://), got "{{value}}"',
  noToken: 'no admin token: pass --token or set THREADLINE_ADMIN_TOKEN',
  // compile, chat, test: files
  cannotWrite: 'threadline {{command}}: cannot write {{file}}: {{reason}}',
  notCompiled: '{{file}}: not compiled: fix the errors above first',
  compiledTo: '{{file}}: compiled to {{out}} (revision {{revision}})',
  noSuchPath: '{{path}}: no such file or folder',
  cannotRead: '{{file}}: cannot read ({{reason}})',
  notCompiledFlow: '{{file}}: not a valid compiled flow: {{problem}}',
  // threadline chat
  chatWelcome:
    'Chatting with "{{name}}". Type a message or a number to pick a choice; /help lists the commands, /quit leaves.',
  chatHelp:
    'Type a message, or a number to pick a numbered choice. Enter skips a delay or hands a handed-over chat back.\n' +
    '/comment [post:ID] TEXT  comment on a post of the Page (post-1 by default)\n' +
    '/restart                 start over\n' +
    '/help                    this list\n' +
    '/quit                    leave',
  chatWaits: '(waits {{duration}}, press Enter to skip)',
  chatHandedOver: '(handed over to a human; press Enter to hand back)',
  chatCards: '[cards]',
  chatImage: '[image {{url}}]',
  chatMedia: '[{{type}} {{url}}]',
  media_image: 'image',
  media_video: 'video',
  media_audio: 'audio',
  media_file: 'file',
  chatLink: '[link {{url}}]',
  chatLinkButton: '[link {{title}}: {{url}}]',
  chatCallButton: '[call {{title}}: {{phone}}]',
  chatNotDelivered: '(not delivered, {{reason}}: {{what}})',
  'drop_outside-window': 'outside the 24-hour window',
  'drop_private-reply-sent':
    'after the one private reply a comment allows (the user has not written yet)',
  recorded: 'recorded {{file}}',
  // threadline test
  testStep: 'step {{step}}: {{message}}',
  testExpected: 'expected: {{value}}',
  testActual: 'actual:   {{value}}',
  testSummary: '{{passed, number}} passed, {{failed, number}} failed',
  coverageFlow:
    'coverage {{id}}: nodes {{nodes}}/{{nodesTotal}}, handles {{handles}}/{{handlesTotal}}',
  coverageTotal: 'coverage: nodes {{nodes}}/{{nodesTotal}}, handles {{handles}}/{{handlesTotal}}',
  uncovered: 'uncovered {{node}}: {{handles}}',
  neverEntered: '(never entered)',
  // threadline runtime, sandbox
  settingMissing: '{{name}} is not set',
  runtimeCannotStart: 'cannot start: {{reason}}',
  runtimeListening: 'listening on port {{port}}',
  badPort: '--port needs a port number (0 to 65535), got "{{value}}"',
  badRuntimeUrl: '--runtime needs a URL (http:// or https://), got "{{value}}"',
  sandboxStarted:
    'threadline sandbox: Graph API stand-in on {{url}}, playing users against {{runtime}}',
  sandboxStartRuntime: 'Start the runtime with the same settings:',
  sandboxStartRuntimeWith: 'Start the runtime with {{setting}}',
  sandboxChat: 'Chat as a user:',
  sandboxFailure: 'Inject a failure: {{command}}',
};

/** German: every English key, the compiler insists (and i18n.test.ts checks the placeholders). */
const DE: Record<keyof typeof EN, string> = {
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
  // usage problems (args.ts, main.ts)
  usageLine: 'Aufruf: {{usage}}   (mehr: threadline {{command}} --help)',
  unknownCommand: 'unbekannter Befehl „{{name}}“',
  unknownOption: 'unbekannte Option {{option}}',
  takesNoValue: '{{option}} nimmt keinen Wert (erhalten: „{{value}}“)',
  needsValue: '{{option}} braucht einen Wert: {{named}}',
  needsNonEmptyValue: '{{option}} braucht einen Wert, keinen leeren',
  missingOption: '--{{name}} {{value}} fehlt: {{help}}',
  takesNoArguments_one: 'nimmt kein Argument, erhalten: {{given}}',
  takesNoArguments_other: 'nimmt keine Argumente, erhalten: {{given}}',
  missingOperand: '{{operand}} fehlt: {{help}}',
  takesOneOperand: 'nimmt ein {{operand}}, erhalten: {{count, number}}: {{given}}',
  badTo: '--to braucht die URL der Runtime (http:// oder https://), erhalten: „{{value}}“',
  noToken: 'kein Admin-Token: --token angeben oder THREADLINE_ADMIN_TOKEN setzen',
  // compile, chat, test: files
  cannotWrite: 'threadline {{command}}: {{file}} kann nicht geschrieben werden: {{reason}}',
  notCompiled: '{{file}}: nicht kompiliert: erst die Fehler oben beheben',
  compiledTo: '{{file}}: nach {{out}} kompiliert (Revision {{revision}})',
  noSuchPath: '{{path}}: keine solche Datei und kein solcher Ordner',
  cannotRead: '{{file}}: kann nicht gelesen werden ({{reason}})',
  notCompiledFlow: '{{file}}: kein gültiger kompilierter Flow: {{problem}}',
  // threadline chat
  chatWelcome:
    'Chat mit „{{name}}“. Schreiben Sie eine Nachricht oder wählen Sie mit einer Zahl; /help zeigt die Befehle, /quit beendet.',
  chatHelp:
    'Schreiben Sie eine Nachricht oder eine Zahl für eine nummerierte Auswahl. Enter überspringt eine Verzögerung oder holt einen übergebenen Chat zurück.\n' +
    '/comment [post:ID] TEXT  einen Beitrag der Seite kommentieren (standardmäßig post-1)\n' +
    '/restart                 neu beginnen\n' +
    '/help                    diese Liste\n' +
    '/quit                    beenden',
  chatWaits: '(wartet {{duration}}, Enter überspringt)',
  chatHandedOver: '(an einen Menschen übergeben; Enter holt den Chat zurück)',
  chatCards: '[Karten]',
  chatImage: '[Bild {{url}}]',
  chatMedia: '[{{type}} {{url}}]',
  media_image: 'Bild',
  media_video: 'Video',
  media_audio: 'Audio',
  media_file: 'Datei',
  chatLink: '[Link {{url}}]',
  chatLinkButton: '[Link {{title}}: {{url}}]',
  chatCallButton: '[Anruf {{title}}: {{phone}}]',
  chatNotDelivered: '(nicht zugestellt, {{reason}}: {{what}})',
  'drop_outside-window': 'außerhalb des 24-Stunden-Fensters',
  'drop_private-reply-sent':
    'nach der einen privaten Antwort, die ein Kommentar erlaubt (der Nutzer hat noch nicht geschrieben)',
  recorded: '{{file}} aufgezeichnet',
  // threadline test
  testStep: 'Schritt {{step}}: {{message}}',
  testExpected: 'erwartet:    {{value}}',
  testActual: 'tatsächlich: {{value}}',
  testSummary: '{{passed, number}} bestanden, {{failed, number}} fehlgeschlagen',
  coverageFlow:
    'Abdeckung {{id}}: Knoten {{nodes}}/{{nodesTotal}}, Ausgänge {{handles}}/{{handlesTotal}}',
  coverageTotal:
    'Abdeckung: Knoten {{nodes}}/{{nodesTotal}}, Ausgänge {{handles}}/{{handlesTotal}}',
  uncovered: 'nicht erreicht {{node}}: {{handles}}',
  neverEntered: '(nie betreten)',
  // threadline runtime, sandbox
  settingMissing: '{{name}} ist nicht gesetzt',
  runtimeCannotStart: 'Start fehlgeschlagen: {{reason}}',
  runtimeListening: 'lauscht auf Port {{port}}',
  badPort: '--port braucht eine Portnummer (0 bis 65535), erhalten: „{{value}}“',
  badRuntimeUrl: '--runtime braucht eine URL (http:// oder https://), erhalten: „{{value}}“',
  sandboxStarted:
    'threadline sandbox: Graph-API-Ersatz auf {{url}}, spielt Nutzer gegen {{runtime}}',
  sandboxStartRuntime: 'Starten Sie die Runtime mit denselben Einstellungen:',
  sandboxStartRuntimeWith: 'Starten Sie die Runtime mit {{setting}}',
  sandboxChat: 'Als Nutzer chatten:',
  sandboxFailure: 'Einen Fehler auslösen: {{command}}',
};

export const CLI_MESSAGES: Readonly<Record<CliLanguage, Record<keyof typeof EN, string>>> = {
  en: EN,
  de: DE,
};

type Key = keyof typeof EN;
type PluralKey = Key extends infer K ? (K extends `${infer B}_one` ? B : never) : never;
type TextKey = Exclude<Key, `${string}_one` | `${string}_other`>;

/** The CLI's messages in one language, through i18next (plurals and numbers by Intl). */
export function cliMessages(language: CliLanguage = cliLanguage()) {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: EN }, de: { translation: DE } },
    // Terminal text, not HTML.
    interpolation: { escapeValue: false },
  });
  // The renderer types i18next's keys for its own resources; these keys are typed above.
  const t = i18n.t.bind(i18n) as unknown as (key: string, options: object) => string;
  return {
    text: (key: TextKey, params: Record<string, string | number> = {}) => t(key, params),
    /** "1 error", "2 Warnungen": the count with its noun, by the language's plural rules. */
    count: (key: PluralKey, n: number, params: Record<string, string | number> = {}) =>
      t(key, { ...params, count: n }),
  };
}

/**
 * The words of the --help texts in a language: `say(key, english)` gives German from
 * cli/help-de.ts under a German locale (English when a key is missing), else the English given.
 * The English stays in each command's spec, next to its option (see cli/args.ts).
 */
export function helpWords(language: CliLanguage = cliLanguage()) {
  return (key: string, english: string): string =>
    language === 'de' && Object.hasOwn(HELP_DE, key) ? HELP_DE[key]! : english;
}
