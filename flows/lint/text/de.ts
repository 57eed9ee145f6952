// Every lint message in German: the keys and placeholders of en.ts (text.test.ts checks them).
// Terms as in docs/i18n.md's glossary; values are quoted „so“, and `parts` stay in the nominative.
import type { LintTextCatalogue } from '.';

export const LINT_TEXT_DE: LintTextCatalogue = {
  parts: {
    typeString: 'Text in "Anführungszeichen"',
    typeNumber: 'eine Zahl',
    typeInt: 'eine ganze Zahl',
    typeBoolean: 'true oder false',
    typeArray: 'eine Liste [ ... ]',
    typeObject: 'ein Objekt { ... }',
    foundNothing: 'nichts',
    foundList: 'eine Liste',
    foundObject: 'ein Objekt',
    oneOf: 'einen Wert aus {{values}} oder {{last}}',
    aKnownType: 'einen bekannten Typ',
    aType: 'einen Typ',
    atLeastChars: 'mindestens {{n}} Zeichen lang',
    moreThanChars: 'mehr als {{n}} Zeichen lang',
    atMostChars: 'höchstens {{n}} Zeichen lang',
    lessThanChars: 'weniger als {{n}} Zeichen lang',
    atLeastItems: 'eine Liste mit mindestens {{n}} Einträgen',
    moreThanItems: 'eine Liste mit mehr als {{n}} Einträgen',
    atMostItems: 'eine Liste mit höchstens {{n}} Einträgen',
    lessThanItems: 'eine Liste mit weniger als {{n}} Einträgen',
    atLeast: 'mindestens {{n}}',
    moreThan: 'größer als {{n}}',
    atMost: 'höchstens {{n}}',
    lessThan: 'kleiner als {{n}}',
    endOfFile: 'das Ende der Datei',
    endOfLine: 'das Zeilenende',
    thisText: 'Dieser Text',
    card: 'Karte {{card}}',
    cardQuoted: '„{{title}}“',
    cardNumber: '{{number}}',
    image: 'Die Bildadresse',
    video: 'Die Videoadresse',
    audio: 'Die Audioadresse',
    file: 'Die Dateiadresse',
    buttonLink: 'Der Link von „{{title}}“',
    replyImage: 'Das Bild von „{{title}}“',
    cardImage: 'Das Bild der Karte {{card}}',
    cardLink: 'Der Link der Karte {{card}}',
    menuLink: 'Der Link des Menüeintrags „{{title}}“',
    requestUrl: 'Die Adresse der Anfrage',
    thisGoto: 'Dieses „Gehe zu“',
    iceBreaker: 'Der Gesprächseinstieg „{{question}}“',
    menuItem: 'Der Menüeintrag „{{title}}“',
    node: 'Knoten',
    connection: 'Verbindung',
    innerIds: 'Button, Karte oder Schnellantwort',
    branch: 'Zweig',
    variant: 'Variante',
    defaultTrigger: 'Standard-Auslöser',
    getStartedTrigger: '„Los geht’s“-Auslöser',
    refTrigger: 'Auslöser für die Ref „{{ref}}“',
  },
  'invalid-document': {
    notFound: 'Datei nicht gefunden',
    isFolder: 'ist ein Ordner, keine Flow-Datei',
    cannotRead: 'Datei kann nicht gelesen werden ({{reason}})',
    missing: 'fehlt: erwartet {{expected}}',
    wrongValue: 'erwartet {{expected}}, gefunden {{found}}',
    unknownField:
      'unbekanntes Feld „{{key}}“ (Schreibweise prüfen; Groß- und Kleinschreibung zählt)',
    mustBe: 'muss {{bound}} sein',
    unknownNodeType: 'unbekannter Knotentyp {{found}}: erwartet {{expected}}',
    unknownType: 'unbekannter Typ {{found}}: erwartet {{expected}}',
    inFile: '{{file}}: {{problem}}',
    notDocument: 'erwartet ein Flow-Dokument (ein JSON-Objekt { ... })',
    notThreadline: 'kein Threadline-Flow: "format" muss "{{format}}" sein',
    badVersion: '"version" muss eine ganze Zahl sein (das aktuelle Format ist {{current}})',
    versionNewer:
      'von einem neueren Threadline erstellt (Formatversion {{version}}); diese Version liest bis {{current}}. Aktualisieren Sie Threadline, um die Datei zu öffnen.',
    versionOld:
      'von einem alten Threadline erstellt (Formatversion {{version}}), das diese Version nicht aktualisieren kann (keine Migration ab Version {{missing}})',
    notJson: 'kein JSON: {{problem}}',
    jsonAt: 'Zeile {{line}}, Spalte {{column}}: {{problem}}',
    jsonInvalid: 'die Datei ist kein gültiges JSON',
    jsonTextAfterEnd: 'unerwarteter Text nach dem Ende',
    jsonEndsEarly: 'die Datei endet, wo ein Wert erwartet wurde',
    jsonExpectedValue:
      'erwartet einen Wert (Text in "Anführungszeichen", eine Zahl, true, false, null, { oder [), gefunden {{found}}',
    jsonExpectedFieldName:
      'erwartet einen Feldnamen in "doppelten Anführungszeichen", gefunden {{found}}',
    jsonExpectedColon: 'erwartet ":" nach dem Feldnamen, gefunden {{found}}',
    jsonExpectedCommaOrBrace: 'erwartet "," oder "}", gefunden {{found}}',
    jsonExpectedCommaOrBracket: 'erwartet "," oder "]", gefunden {{found}}',
    jsonCommaBeforeBrace: 'ein Komma vor "}" ist in JSON nicht erlaubt',
    jsonCommaBeforeBracket: 'ein Komma vor "]" ist in JSON nicht erlaubt',
    jsonBadEscape: 'ungültige Escape-Sequenz im Text',
    jsonControlChar: 'ein Zeilenumbruch oder Steuerzeichen im Text muss maskiert werden',
    jsonUnclosedText: 'der hier beginnende Text wird nie mit " geschlossen',
    jsonBadNumber: 'ungültige Zahl',
  },
  'text-too-long': {
    plain: 'Dieser Text hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
    withButtons:
      'Dieser Text hat {{length, number}} Zeichen; Messenger erlaubt in einem Text mit Buttons {{limit, number}}.',
  },
  'text-empty': {
    text: 'Dieser Text ist leer; Messenger kann keine leere Nachricht senden.',
    button: 'Ein Button hat keinen Titel.',
    quickReply: 'Eine Schnellantwort hat keinen Titel.',
    suggestion: 'Ein Vorschlag hat keinen Titel.',
    card: 'Karte {{number}} hat keinen Titel; Messenger verlangt einen.',
    iceBreaker: 'Gesprächseinstieg {{number}} hat keine Frage.',
    menuItem: 'Menüeintrag {{number}} hat keinen Titel.',
  },
  'buttons-too-many': {
    default: '{{owner}} hat {{count, number}} Buttons; Messenger erlaubt {{limit, number}}.',
  },
  'button-title-too-long': {
    default:
      'Der Button-Titel „{{title}}“ hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
  },
  'phone-invalid': {
    default: 'Die Nummer von „{{title}}“ muss international sein, etwa +4930123456.',
  },
  'quick-replies-too-many': {
    message:
      'Diese Nachricht hat {{count, number}} Schnellantworten; Messenger erlaubt {{limit, number}}.',
    question:
      'Diese Frage bietet {{count, number}} Schnellantworten an; Messenger erlaubt {{limit, number}}.',
  },
  'quick-reply-title-too-long': {
    quickReply:
      'Der Titel der Schnellantwort „{{title}}“ hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
    suggestion:
      'Der Titel des Vorschlags „{{title}}“ hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
  },
  'quick-replies-without-message': {
    default:
      'Schnellantworten werden mit der letzten Nachricht gesendet; der letzte Baustein muss daher ein Text, ein Medium oder Karten sein, keine Tipp-Pause.',
  },
  'cards-too-many': {
    default: 'Diese Galerie hat {{count, number}} Karten; Messenger erlaubt {{limit, number}}.',
  },
  'cards-empty': { default: 'Diese Kartengalerie hat keine Karten.' },
  'card-title-too-long': {
    default:
      'Der Titel der Karte {{card}} hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
  },
  'card-subtitle-too-long': {
    default:
      'Der Untertitel der Karte {{card}} hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
  },
  'card-too-bare': {
    default:
      'Karte {{card}} braucht neben dem Titel einen Untertitel, ein Bild, einen Link oder einen Button.',
  },
  'url-invalid': {
    variable:
      '{{subject}} „{{url}}“ verwendet eine Variable, ist aber für alle Personen gleich, daher wird keine eingesetzt.',
    brace:
      '{{subject}} „{{url}}“ enthält „{{char}}“ außerhalb einer {{example}}; eine Webadresse darf das nicht enthalten.',
    space:
      '{{subject}} „{{url}}“ enthält ein Leerzeichen; eine Webadresse darf das nicht enthalten.',
    notUrl:
      '{{subject}} „{{url}}“ ist keine gültige Webadresse (sie sollte mit https:// beginnen).',
    notWeb: '{{subject}} „{{url}}“ muss eine Webadresse sein, die mit https:// beginnt.',
  },
  'url-not-https': {
    default: '{{subject}} „{{url}}“ muss https:// verwenden, nicht http://.',
  },
  'typing-too-long': {
    default:
      'Die Tipp-Pause dauert {{seconds, number}} s; Messenger blendet die Anzeige nach {{limit, number}} s aus.',
  },
  'greeting-too-long': {
    default:
      'Die Begrüßung ({{locale}}) hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
  },
  'greeting-no-default': {
    default:
      'Die Begrüßung braucht einen Text für das Gebietsschema „default“; sonst lehnt Messenger sie ab.',
  },
  'greeting-unknown-variable': {
    notProfile:
      'Messenger zeigt die Begrüßung vor Beginn des Chats, daher kann es nur {{first}}, {{last}} und {{full}} ausfüllen, nicht {{placeholder}}.',
    fallback:
      'Messenger füllt die Begrüßung selbst aus und würde „|{{fallback}}“ wörtlich anzeigen; verwenden Sie {{placeholder}} ohne Ersatztext.',
  },
  'ice-breakers-too-many': {
    default: 'Es gibt {{count, number}} Gesprächseinstiege; Messenger erlaubt {{limit, number}}.',
  },
  'ice-breaker-too-long': {
    default:
      'Der Gesprächseinstieg „{{question}}“ hat {{length, number}} Zeichen; bleiben Sie unter {{limit, number}}, damit er nicht abgeschnitten wird.',
  },
  'menu-too-many': {
    default: 'Das Menü hat {{count, number}} Einträge; Messenger erlaubt {{limit, number}}.',
  },
  'menu-title-too-long': {
    default:
      'Der Menüeintrag „{{title}}“ hat {{length, number}} Zeichen; Messenger erlaubt {{limit, number}}.',
  },
  'menu-needs-get-started': {
    default:
      'Messenger zeigt das dauerhafte Menü nur, wenn der Flow einen „Los geht’s“-Auslöser hat.',
  },
  'no-entry': {
    default:
      'Der Flow hat keinen Auslöser, also kann nichts ihn starten. Fügen Sie einen „Los geht’s“-, Stichwort- oder Standard-Auslöser hinzu.',
  },
  'keyword-missing': { default: 'Dieser Stichwort-Auslöser hat keine Stichwörter.' },
  'ref-missing': {
    default:
      'Dieser Link-Auslöser hat keine Ref: Tragen Sie die Ref des m.me-Links ein, der ihn startet.',
  },
  'ref-invalid': {
    default:
      'Die Ref „{{ref}}“ darf nur Buchstaben, Ziffern, „_“, „-“ und „=“ enthalten (höchstens {{limit, number}} Zeichen).',
  },
  'duplicate-trigger': {
    default: 'Es gibt bereits einen {{what}} („{{first}}“); nur einer kann starten.',
  },
  'keyword-duplicate': {
    default:
      'Das Stichwort „{{keyword}}“ verwendet auch „{{first}}“, der zuerst kommt und immer gewinnt.',
  },
  'comment-trigger-shadowed': {
    onPost:
      'Der Kommentar-Auslöser „{{first}}“ kommt zuerst und nimmt jeden Kommentar zu Beitrag {{post}}: Dieser hier startet nie. Geben Sie „{{first}}“ Stichwörter oder setzen Sie ihn hinter diesen.',
    anyPost:
      'Der Kommentar-Auslöser „{{first}}“ kommt zuerst und nimmt jeden Kommentar zu jedem Beitrag: Dieser hier startet nie. Geben Sie „{{first}}“ Stichwörter oder setzen Sie ihn hinter diesen.',
  },
  'comment-reply-several-messages': {
    default:
      'Dieser Kommentar-Auslöser führt zu {{count, number}} Nachrichten, bevor die Person antwortet, aber auf einen Kommentar ist nur eine private Antwort erlaubt: Nur die erste wird gesendet. Setzen Sie den Rest hinter eine Schnellantwort oder eine Frage.',
  },
  'trigger-unconnected': {
    default: 'Dieser Auslöser ist mit nichts verbunden, die Person bekäme also keine Antwort.',
  },
  'no-default-trigger': {
    default:
      'Es gibt keinen Standard-Auslöser: Nachrichten, die der Flow nicht versteht, bleiben unbeantwortet, doch Messenger erwartet, dass Bots jede Nachricht innerhalb von 30 Sekunden beantworten.',
  },
  'dangling-edge': {
    noSource: 'Die Verbindung „{{edge}}“ beginnt bei „{{source}}“, den es nicht gibt.',
    noHandle:
      'Die Verbindung „{{edge}}“ verlässt den Knoten über „{{handle}}“, den dieser Knoten vom Typ „{{type}}“ nicht hat.',
    noHandleHas:
      'Die Verbindung „{{edge}}“ verlässt den Knoten über „{{handle}}“, den dieser Knoten vom Typ „{{type}}“ nicht hat (er hat {{handles}}).',
    noTarget: 'Die Verbindung „{{edge}}“ führt zu „{{target}}“, den es nicht gibt.',
    noInput:
      'Die Verbindung „{{edge}}“ führt in einen Knoten vom Typ „{{type}}“, der keinen Eingang hat.',
  },
  'handle-used-twice': {
    default:
      'Der Ausgang „{{handle}}“ führt schon woandershin (Verbindung „{{first}}“); ein Ausgang kann nur zu einem Ziel führen.',
  },
  'missing-target': {
    none: '{{subject}} hat kein Ziel.',
    missing: '{{subject}} zeigt auf „{{target}}“, den es nicht gibt.',
    note: '{{subject}} zeigt auf die Notiz „{{target}}“, einen Kommentar auf der Arbeitsfläche, der nie ausgeführt wird.',
  },
  'unreachable-node': {
    default:
      'Nichts führt zu diesem Knoten: Kein Auslöser, Menüeintrag oder „Gehe zu“ erreicht ihn.',
  },
  'duplicate-id': {
    default: '{{what}}: Die ID „{{id}}“ ist bereits vergeben; IDs müssen eindeutig sein.',
  },
  'loop-without-wait': {
    default:
      'Diese Knoten bilden eine Schleife, die nie auf die Person oder eine Verzögerung wartet: {{nodes}}. Fügen Sie eine Frage, Schnellantworten oder eine Verzögerung ein.',
  },
  'delay-past-24h': {
    loop: 'Diese Verzögerung wiederholt sich in einer Schleife und endet so mehr als 24 Stunden nach der letzten Nachricht der Person; Messenger lässt Bots nur innerhalb von 24 Stunden danach schreiben, was folgt, wird also nicht gesendet.',
    hours:
      'Diese Verzögerung endet {{hours, number}} Stunden nach der letzten Nachricht der Person; Messenger lässt Bots nur innerhalb von 24 Stunden danach schreiben, was folgt, wird also nicht gesendet.',
  },
  'compiled-entry-invalid': {
    missingStep: 'Der Einstieg {{field}} zeigt auf „{{id}}“, den es nicht gibt.',
    notTrigger:
      'Der Einstieg {{field}} zeigt auf „{{id}}“, einen Schritt vom Typ „{{type}}“, keinen Auslöser.',
    differs:
      'Der Einstieg {{field}} ist „{{actual}}“, aber nach den Auslösern des Flows müsste er „{{expected}}“ sein.',
    shouldBeUnset:
      'Der Einstieg {{field}} ist „{{actual}}“, aber nach den Auslösern des Flows müsste er leer sein.',
    missing: 'Der Einstieg {{field}} fehlt; der Auslöser „{{expected}}“ braucht ihn.',
    keywords: 'Die Stichwort-Einstiege passen nicht zu den Stichwort-Auslösern des Flows.',
    refs: 'Die Ref-Einstiege passen nicht zu den Ref-Auslösern des Flows.',
    comments: 'Die Kommentar-Einstiege passen nicht zu den Kommentar-Auslösern des Flows.',
  },
  'unknown-variable': {
    inText:
      'Der Text verwendet {{placeholder}}, aber es gibt keine Variable „{{name}}“. Legen Sie sie in den Variablen des Flows an oder korrigieren Sie den Namen.',
    name: 'Es gibt keine Variable „{{name}}“. Legen Sie sie in den Variablen des Flows an oder korrigieren Sie den Namen.',
  },
  'profile-variable-no-fallback': {
    default:
      '{{placeholder}} hat keinen Ersatztext: Verweigert Messenger das Profil, zeigt der Text eine Lücke. Fügen Sie nach einem senkrechten Strich einen hinzu, etwa {{example}}.',
  },
  'duplicate-variable': { default: 'Die Variable „{{name}}“ ist doppelt angelegt.' },
  'builtin-variable-declared': {
    default: '„{{name}}“ ist eine eingebaute Variable; wählen Sie einen anderen Namen.',
  },
  'read-only-variable': {
    default:
      '„{{name}}“ ist eine eingebaute Variable und kann nicht geändert werden; speichern Sie den Wert in einer eigenen Variable.',
  },
  'variable-type-mismatch': {
    answer:
      'Eine Antwort vom Typ „{{kind}}“ kann nicht in „{{name}}“ gespeichert werden, einer Variable vom Typ „{{type}}“.',
    compare:
      '„{{name}}“ ist eine Variable vom Typ „{{type}}“; „größer“ und „kleiner“ vergleichen nur Zahlen und Daten.',
    number: '„{{name}}“ ist eine Zahl, wird aber mit {{value}} verglichen.',
    boolean: '„{{name}}“ ist wahr oder falsch, wird aber mit {{value}} verglichen.',
    increment:
      'Nur Zahlenvariablen lassen sich erhöhen; „{{name}}“ ist eine Variable vom Typ „{{type}}“.',
    set: '„{{name}}“ ist eine Variable vom Typ „{{type}}“ und kann nicht auf {{value}} gesetzt werden.',
  },
  'variable-default-invalid': {
    default: 'Der Standardwert {{value}} passt nicht zum Typ „{{type}}“.',
  },
  'regex-invalid': {
    default: 'Das Muster {{pattern}} ist kein gültiger regulärer Ausdruck.',
    detail: 'Das Muster {{pattern}} ist kein gültiger regulärer Ausdruck ({{detail}}).',
  },
  'regex-unsupported': {
    default:
      'Das Muster {{pattern}} braucht eine Funktion, die Flows nicht ausführen ({{detail}}); Flow-Muster laufen auf einer Engine mit linearer Laufzeit, ohne Lookaround und Rückverweise.',
  },
  'rule-value-missing': {
    tag: 'Diese Regel nennt kein Tag.',
    value: 'Diese Regel vergleicht „{{name}}“ mit nichts.',
    actionTag: 'Diese Aktion nennt kein Tag.',
  },
  'input-range-invalid': {
    default:
      'Das Minimum ({{min, number}}) ist größer als das Maximum ({{max, number}}), daher kann keine Antwort gültig sein.',
  },
  'input-setting-ignored': {
    pattern: 'Nur Textfragen prüfen ein Muster; diese Frage vom Typ „{{kind}}“ ignoriert es.',
    range:
      'Nur Text- (Länge) und Zahlenfragen verwenden Minimum und Maximum; diese Frage vom Typ „{{kind}}“ ignoriert sie.',
  },
  'split-empty': {
    default: 'Diese Aufteilung braucht mindestens eine Variante mit einer Gewichtung über 0.',
  },
  'condition-empty': {
    default: 'Diese Bedingung hat keine Zweige und nimmt daher immer „else“.',
  },
  'http-save-path-invalid': {
    default:
      '„{{path}}“ ist kein JSON-Pfad; schreiben Sie ihn etwa als $.order.status, $.items[0].name oder $["first name"].',
  },
  'http-timeout-too-long': {
    default:
      'Dieser Aufruf wartet womöglich {{seconds, number}} s; Messenger erwartet von Bots eine Antwort innerhalb von 30 s, bleiben Sie also unter {{limit, number}} s.',
  },
  'secret-in-flow': {
    default:
      'Das sieht nach Zugangsdaten aus, die direkt im Flow stehen, wo alle sie lesen können, die die Flow-Datei oder eine Veröffentlichung sehen. Schreiben Sie stattdessen {{example}} und geben Sie der Runtime THREADLINE_SECRET_NAME.',
  },
  'secret-misplaced': {
    default:
      'Geheimnisse werden nur in einem HTTP-Aufruf eingesetzt (Adresse, Header, Body); hier würde der Platzhalter unverändert angezeigt.',
  },
  'message-empty': {
    default:
      'Diese Nachricht hat nichts zu senden; fügen Sie einen Text, ein Bild oder Karten hinzu.',
  },
  'other-unconnected': {
    default:
      'Tippt die Person etwas, statt eine Schnellantwort zu wählen, antwortet nichts (es gibt keinen Standard-Auslöser); verbinden Sie „other“, etwa mit einer Nachricht, die noch einmal fragt.',
  },
  'no-disclosure': {
    default:
      'Es gibt keinen Bot-Hinweis. Gesetze in Deutschland und Kalifornien verlangen, dass Bots sich als automatisiert zu erkennen geben; legen Sie ihn in den Flow-Einstellungen fest.',
  },
};
