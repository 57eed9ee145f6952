// The scenario runner's failure details in English: the source of every failure's `message`
// (docs/i18n.md, "Scenario failures"). Keys and `{{placeholders}}` are the contract; de.ts has
// the same ones (text.test.ts).
export const SCENARIO_TEXT_EN = {
  // A send that cannot be made.
  noQuickReply: 'no quick reply titled {{title}} (offered: {{offered}})',
  noButton: 'no postback button titled {{title}} was sent',
  noButtonOnCard: 'no postback button titled {{title}} on a card titled {{card}} was sent',
  noMenuItem: 'no persistent-menu postback titled {{title}}',
  noIceBreaker: 'no ice breaker {{question}}',
  // What happened.
  engineError: 'engine error at {{step}}: {{code}}: {{message}}',
  engineErrorFlow: 'engine error at flow: {{code}}: {{message}}',
  tagsWere: 'tags were {{tags}}',
  variablesDiffer: 'variables differ: {{details}}',
  variableIs: '{{name}} is {{actual}}, expected {{expected}}',
  // Matching `expect`.
  messageNotExpected:
    'message {{index, number}} was not expected ({{expected, number}} expected, {{sent, number}} sent)',
  messageNotSent:
    'message {{index, number}} was expected but not sent ({{expected, number}} expected, {{sent, number}} sent)',
  messageProblem: 'message {{index, number}}: {{problem}}',
  textWas: 'text was {{actual}}, expected {{expected}}',
  textLacks: 'text {{actual}} does not contain {{expected}}',
  listWere: '{{field}} were {{actual}}, expected {{expected}}',
  mediaWas: '{{field}} was {{actual}}, expected {{expected}}',
  handoverExpected: 'expected a handover to a human',
  absent: 'absent',
} as const;
