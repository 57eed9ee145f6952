// The scenario runner's failure details in German; same keys and placeholders as en.ts.
import type { ScenarioTextCatalogue } from '.';

export const SCENARIO_TEXT_DE: ScenarioTextCatalogue = {
  noQuickReply: 'keine Schnellantwort mit dem Titel {{title}} (angeboten: {{offered}})',
  noButton: 'kein Postback-Button mit dem Titel {{title}} wurde gesendet',
  noButtonOnCard:
    'kein Postback-Button mit dem Titel {{title}} auf einer Karte mit dem Titel {{card}} wurde gesendet',
  noMenuItem: 'kein Postback im dauerhaften Menü mit dem Titel {{title}}',
  noIceBreaker: 'kein Gesprächseinstieg {{question}}',
  engineError: 'Fehler der Engine bei {{step}}: {{code}}: {{message}}',
  engineErrorFlow: 'Fehler der Engine im Flow: {{code}}: {{message}}',
  tagsWere: 'Tags waren {{tags}}',
  variablesDiffer: 'Variablen weichen ab: {{details}}',
  variableIs: '{{name}} ist {{actual}}, erwartet {{expected}}',
  messageNotExpected:
    'Nachricht {{index, number}} war nicht erwartet ({{expected, number}} erwartet, {{sent, number}} gesendet)',
  messageNotSent:
    'Nachricht {{index, number}} war erwartet, wurde aber nicht gesendet ({{expected, number}} erwartet, {{sent, number}} gesendet)',
  messageProblem: 'Nachricht {{index, number}}: {{problem}}',
  textWas: 'Text war {{actual}}, erwartet {{expected}}',
  textLacks: 'Text {{actual}} enthält nicht {{expected}}',
  listWere: '{{field}} waren {{actual}}, erwartet {{expected}}',
  mediaWas: '{{field}} war {{actual}}, erwartet {{expected}}',
  handoverExpected: 'Übergabe an einen Menschen erwartet',
  absent: 'nicht vorhanden',
};
