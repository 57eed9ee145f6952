// The German words of `threadline --help` and `threadline NAME --help`. The English ones live in
// each command's spec (cli/commands/*.ts), next to the options they describe; this catalogue is
// keyed by command and option (`lint.json`, `lint.summary`, `lint.operand`, `lint.note1`), and
// cli/help.test.ts fails when a spec has text without German here, or German for nothing. Usage
// lines, option names, value names (FILE, OUT) and environment variables stay as they are.
export const HELP_DE: Readonly<Record<string, string>> = {
  // Shared by every command and by `threadline --help`.
  help: 'diese Hilfe ausgeben und beenden',
  usage: 'Aufruf:',
  default: 'Standard',
  commandHelp: 'was ein Befehl annimmt und tut',
  version: 'die Version von threadline',

  'lint.summary': 'Flows gegen die Grenzen von Messenger prüfen',
  'lint.operand': 'die zu prüfenden Flow-Dateien (*.flow.json)',
  'lint.json': 'die Befunde als JSON-Array statt als Zeilen ausgeben',
  'lint.note1':
    'Gibt je Befund DATEI: NODE_ID: error|warning CODE: Meldung aus und eine Zählung auf stderr.\nExit 1, wenn ein Befund ein Fehler ist, 0, wenn es nur Warnungen gibt.',

  'compile.summary': 'den kompilierten Flow schreiben',
  'compile.operand': 'die zu kompilierende Flow-Datei (*.flow.json)',
  'compile.out': 'den kompilierten Flow nach OUT (ganz ersetzt) statt auf stdout schreiben',
  'compile.note1':
    'Die Ausgabe ist deterministisch: derselbe Flow ergibt immer dieselben Bytes.\nExit 1, wenn der Flow Lint-Fehler hat; dann wird nichts geschrieben.',

  'chat.summary': 'im Terminal mit einem Flow chatten',
  'chat.operand': 'die Flow-Datei, mit der gechattet wird (*.flow.json)',
  'chat.name': 'der Vorname des Nutzers, wie der Flow ihn sieht',
  'chat.locale':
    'die Profilsprache des Nutzers, etwa de_DE: Antworten (Zahlen, Daten, Telefonnummern) werden darin gelesen',
  'chat.record':
    'beim Verlassen den Chat als Szenario-Datei speichern, die `threadline test` wiederholt',
  'chat.note1':
    'Der Chat beginnt mit „Los geht’s“. Tippen Sie eine Nachricht oder eine Zahl, um eine nummerierte Auswahl zu wählen.\nEnter überspringt eine Wartezeit oder gibt einen übergebenen Chat zurück; /comment [post:ID] TEXT kommentiert einen\nBeitrag der Seite (standardmäßig post-1); /restart beginnt neu; /help listet das auf; /quit beendet.',

  'test.summary': 'Szenario-Dateien wiederholen',
  'test.operand': 'Szenario-Dateien oder Ordner, in denen nach *.scenario.json gesucht wird',
  'test.coverage': 'auch die Knoten und Ausgänge melden, die die Szenarien erreicht haben',
  'test.coverage-json': 'die Abdeckung als JSON nach FILE schreiben (schließt --coverage ein)',
  'test.note1':
    'Gibt je Szenario PASS oder FAIL aus und zuletzt `N passed, N failed`; Exit 1 bei einem Fehlschlag.',

  'runtime.summary': 'den Runtime-Server starten',
  'runtime.note1':
    'Eingestellt über die Umgebung: THREADLINE_PAGE_ID, THREADLINE_PAGE_TOKEN,\nTHREADLINE_APP_SECRET, THREADLINE_VERIFY_TOKEN und THREADLINE_ADMIN_TOKEN sind nötig;\nTHREADLINE_DB (eine SQLite-Datei, Standard threadline.db, oder eine postgres://-URL), PORT und die\nweiteren Einstellungen in docs/runtime.md sind optional. Eine fehlende Einstellung stoppt den Start, mit Namen.',

  'sandbox.summary': 'die lokale Messenger-Sandbox starten',
  'sandbox.port': 'der Port, auf dem gelauscht wird',
  'sandbox.runtime': 'die Runtime, deren Webhook die Sandbox aufruft',
  'sandbox.note1':
    'THREADLINE_PAGE_ID, THREADLINE_PAGE_TOKEN und THREADLINE_APP_SECRET werden verwendet, wenn gesetzt\n(sonst lokale Standardwerte); die Sandbox gibt aus, wie man eine Runtime gegen sie startet.',

  'publish.summary': 'prüfen, kompilieren und auf einer Runtime veröffentlichen',
  'publish.operand': 'die zu veröffentlichende Flow-Datei (*.flow.json)',
  'publish.to': 'die Adresse der Runtime, http:// oder https://',
  'publish.token': 'das Admin-Token der Runtime (Standard: $THREADLINE_ADMIN_TOKEN)',
  'publish.move':
    'Nutzer, die an Knoten OLD warten, warten ab jetzt an NEW (OLD=end: ihr Warten endet); wiederholbar',
  'publish.note1':
    'Gibt aus, was sich gegenüber der aktiven Revision ändert und wie viele Nutzer an Knoten warten, die sie\nentfernt oder ändert, dann die veröffentlichte Revision und ob das Messenger-Profil\nangewendet wurde. Exit 1, wenn der Flow Lint-Fehler hat, die Runtime ihn ablehnt oder nicht erreichbar ist.',

  'revisions.summary': 'die Revisionen eines Flows auf einer Runtime auflisten',
  'revisions.operand': 'die Flow-ID (die „id“ seines Flow-Dokuments)',
  'revisions.to': 'die Adresse der Runtime, http:// oder https://',
  'revisions.token': 'das Admin-Token der Runtime (Standard: $THREADLINE_ADMIN_TOKEN)',
  'revisions.note1':
    'Gibt eine Zeile je Revision aus, die neueste zuerst. Exit 1, wenn die Runtime keinen solchen Flow hat,\ndas Token ablehnt oder nicht erreichbar ist.',

  'rollback.summary': 'eine frühere Revision eines Flows wieder aktiv machen',
  'rollback.operand': 'die Flow-ID (die „id“ seines Flow-Dokuments)',
  'rollback.revision':
    'die zu aktivierende Revision oder der Anfang ihres Hashs (Standard: die vor der aktiven)',
  'rollback.to': 'die Adresse der Runtime, http:// oder https://',
  'rollback.token': 'das Admin-Token der Runtime (Standard: $THREADLINE_ADMIN_TOKEN)',
  'rollback.note1':
    'Gibt die jetzt aktive Revision aus. Exit 1, wenn es keine solche Revision gibt (oder keine vor der\naktiven), die Runtime das Token ablehnt oder nicht erreichbar ist.',

  'subscribers.summary': 'die Abonnenten einer Runtime auflisten',
  'subscribers.to': 'die Adresse der Runtime, http:// oder https://',
  'subscribers.token': 'das Admin-Token der Runtime (Standard: $THREADLINE_ADMIN_TOKEN)',
  'subscribers.tag': 'nur Abonnenten mit diesem Tag',
  'subscribers.var': 'nur Abonnenten, deren Variable diesen Wert hat',
  'subscribers.window':
    'open oder closed: nur Abonnenten, deren 24-Stunden-Fenster offen bzw. geschlossen ist',
  'subscribers.json': 'die Abonnenten als JSON ausgeben',
  'subscribers.note1':
    'Gibt PSID, Name, Fenster, Tags und Quelle aus, ein Abonnent je Zeile, dann die Anzahl.\nExit 1, wenn die Runtime nicht erreichbar ist oder ablehnt.',

  'broadcast.summary': 'einen Flow ab einem Knoten an ein Segment von Abonnenten senden',
  'broadcast.operand': 'die ID des Flows, der für die Seite antwortet',
  'broadcast.to': 'die Adresse der Runtime, http:// oder https://',
  'broadcast.token': 'das Admin-Token der Runtime (Standard: $THREADLINE_ADMIN_TOKEN)',
  'broadcast.node': 'der Knoten, an dem begonnen wird (Standard: „Los geht’s“)',
  'broadcast.tag': 'nur Abonnenten mit diesem Tag',
  'broadcast.var': 'nur Abonnenten, deren Variable diesen Wert hat',
  'broadcast.at': 'wann gesendet wird, ISO 8601 mit Offset (Standard: jetzt)',
  'broadcast.rate': 'gestartete Abonnenten pro Sekunde (Standard 40)',
  'broadcast.dry-run': 'nur sagen, wie viele erreicht würden; nichts senden',
  'broadcast.watch': 'den Fortschritt ausgeben, bis der Broadcast endet',
  'broadcast.note1':
    'Nur Abonnenten, deren 24-Stunden-Fenster offen ist, wenn sie an der Reihe sind, erhalten die Nachricht;\nes wird nie ein Nachrichten-Tag verwendet. Exit 1, wenn die Runtime ablehnt oder nicht erreichbar ist.',
};
