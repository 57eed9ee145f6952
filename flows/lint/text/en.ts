// Every lint message in English, by code and variant: `findings[i].message` is made from these,
// and de.ts has the same keys with the same placeholders (text.test.ts checks both). Values go in
// as {{name}} (numbers as {{name, number}}, through Intl.NumberFormat); a value is never parsed as
// a template again, so a quoted `{{variable}}` is passed as a value. `parts` are noun phrases that
// other messages take as their subject ("The image of card 2"), always at the start of a sentence
// so that German keeps them in the nominative. See docs/i18n.md, "Lint messages".
import type { LintCode } from '../catalogue';

export const LINT_TEXT_EN = {
  parts: {
    // What a document field should hold or held (invalid-document).
    typeString: 'text in "quotes"',
    typeNumber: 'a number',
    typeInt: 'a whole number',
    typeBoolean: 'true or false',
    typeArray: 'a list [ ... ]',
    typeObject: 'an object { ... }',
    foundNothing: 'nothing',
    foundList: 'a list',
    foundObject: 'an object',
    oneOf: 'one of {{values}} or {{last}}',
    aKnownType: 'a known type',
    aType: 'a type',
    atLeastChars: 'at least {{n}} characters long',
    moreThanChars: 'more than {{n}} characters long',
    atMostChars: 'at most {{n}} characters long',
    lessThanChars: 'less than {{n}} characters long',
    atLeastItems: 'a list of at least {{n}} items',
    moreThanItems: 'a list of more than {{n}} items',
    atMostItems: 'a list of at most {{n}} items',
    lessThanItems: 'a list of less than {{n}} items',
    atLeast: 'at least {{n}}',
    moreThan: 'more than {{n}}',
    atMost: 'at most {{n}}',
    lessThan: 'less than {{n}}',
    endOfFile: 'the end of the file',
    endOfLine: 'the end of the line',
    thisText: 'This text',
    card: 'Card {{card}}',
    cardQuoted: '"{{title}}"',
    cardNumber: 'card {{number}}',
    image: 'The image address',
    video: 'The video address',
    audio: 'The audio address',
    file: 'The file address',
    buttonLink: 'The link of "{{title}}"',
    replyImage: 'The image of "{{title}}"',
    cardImage: 'The image of card {{card}}',
    cardLink: 'The link of card {{card}}',
    menuLink: 'The link of menu item "{{title}}"',
    requestUrl: 'The request address',
    thisGoto: 'This "go to"',
    iceBreaker: 'The ice breaker "{{question}}"',
    menuItem: 'The menu item "{{title}}"',
    node: 'node',
    connection: 'connection',
    innerIds: 'button, card or quick reply',
    branch: 'branch',
    variant: 'variant',
    defaultTrigger: 'default trigger',
    getStartedTrigger: 'Get Started trigger',
    refTrigger: 'trigger for the ref "{{ref}}"',
  },
  'invalid-document': {
    notFound: 'file not found',
    isFolder: 'is a folder, not a flow file',
    cannotRead: 'cannot read the file ({{reason}})',
    // A document that does not match the format (flows/load-issues.ts).
    missing: 'is missing: expected {{expected}}',
    wrongValue: 'expected {{expected}} but found {{found}}',
    unknownField: 'unknown field "{{key}}" (check its spelling; fields are case-sensitive)',
    mustBe: 'must be {{bound}}',
    unknownNodeType: 'unknown node type {{found}}: expected {{expected}}',
    unknownType: 'unknown type {{found}}: expected {{expected}}',
    // Whole-file problems (flows/load.ts, flows/migrations.ts, a scenario file).
    inFile: '{{file}}: {{problem}}',
    notDocument: 'expected a flow document (a JSON object { ... })',
    notThreadline: 'not a Threadline flow: "format" must be "{{format}}"',
    badVersion: '"version" must be a whole number (the current format is {{current}})',
    versionNewer:
      'made by a newer Threadline (format version {{version}}); this version reads up to {{current}}. Update Threadline to open it.',
    versionOld:
      'made by an old Threadline (format version {{version}}) that this version cannot upgrade (no migration from version {{missing}})',
    notJson: 'not JSON: {{problem}}',
    // JSON syntax (flows/load-json-error.ts): where, then why.
    jsonAt: 'line {{line}}, column {{column}}: {{problem}}',
    jsonInvalid: 'the file is not valid JSON',
    jsonTextAfterEnd: 'unexpected text after the end',
    jsonEndsEarly: 'the file ends where a value was expected',
    jsonExpectedValue:
      'expected a value (text in "quotes", a number, true, false, null, { or [) but found {{found}}',
    jsonExpectedFieldName: 'expected a field name in "double quotes" but found {{found}}',
    jsonExpectedColon: 'expected ":" after the field name but found {{found}}',
    jsonExpectedCommaOrBrace: 'expected "," or "}" but found {{found}}',
    jsonExpectedCommaOrBracket: 'expected "," or "]" but found {{found}}',
    jsonCommaBeforeBrace: 'a comma before "}" is not allowed in JSON',
    jsonCommaBeforeBracket: 'a comma before "]" is not allowed in JSON',
    jsonBadEscape: 'invalid escape sequence in text',
    jsonControlChar: 'a line break or control character inside text must be escaped',
    jsonUnclosedText: 'text that starts here is never closed with a "',
    jsonBadNumber: 'invalid number',
  },
  'text-too-long': {
    plain: 'This text has {{length, number}} characters; Messenger allows {{limit, number}}.',
    withButtons:
      'This text has {{length, number}} characters; Messenger allows {{limit, number}} in a text with buttons.',
  },
  'text-empty': {
    text: 'This text is empty; Messenger cannot send an empty message.',
    button: 'A button has no title.',
    quickReply: 'A quick reply has no title.',
    suggestion: 'A suggestion has no title.',
    card: 'Card {{number}} has no title; Messenger requires one.',
    iceBreaker: 'Ice breaker {{number}} has no question.',
    menuItem: 'Menu item {{number}} has no title.',
  },
  'buttons-too-many': {
    default: '{{owner}} has {{count, number}} buttons; Messenger allows {{limit, number}}.',
  },
  'button-title-too-long': {
    default:
      'The button title "{{title}}" has {{length, number}} characters; Messenger allows {{limit, number}}.',
  },
  'phone-invalid': {
    default: 'The number of "{{title}}" must be international, like +4930123456.',
  },
  'quick-replies-too-many': {
    message:
      'This message has {{count, number}} quick replies; Messenger allows {{limit, number}}.',
    question:
      'This question offers {{count, number}} quick replies; Messenger allows {{limit, number}}.',
  },
  'quick-reply-title-too-long': {
    quickReply:
      'The quick reply title "{{title}}" has {{length, number}} characters; Messenger allows {{limit, number}}.',
    suggestion:
      'The suggestion title "{{title}}" has {{length, number}} characters; Messenger allows {{limit, number}}.',
  },
  'quick-replies-without-message': {
    default:
      'Quick replies are sent with the last message, so the last block must be a text, media or cards, not a typing pause.',
  },
  'cards-too-many': {
    default: 'This gallery has {{count, number}} cards; Messenger allows {{limit, number}}.',
  },
  'cards-empty': { default: 'This card gallery has no cards.' },
  'card-title-too-long': {
    default:
      'The title of card {{card}} has {{length, number}} characters; Messenger allows {{limit, number}}.',
  },
  'card-subtitle-too-long': {
    default:
      'The subtitle of card {{card}} has {{length, number}} characters; Messenger allows {{limit, number}}.',
  },
  'card-too-bare': {
    default: 'Card {{card}} needs a subtitle, an image, a link or a button besides its title.',
  },
  'url-invalid': {
    variable:
      '{{subject}} "{{url}}" uses a variable, but it is the same for every user, so none is filled in.',
    brace:
      '{{subject}} "{{url}}" contains "{{char}}" outside a {{example}}; a web address cannot hold it.',
    space: '{{subject}} "{{url}}" contains a space; a web address cannot hold it.',
    notUrl: '{{subject}} "{{url}}" is not a valid web address (it should start with https://).',
    notWeb: '{{subject}} "{{url}}" must be a web address starting with https://.',
  },
  'url-not-https': { default: '{{subject}} "{{url}}" must use https://, not http://.' },
  'typing-too-long': {
    default:
      'The typing pause lasts {{seconds, number}} s; Messenger hides the indicator after {{limit, number}} s.',
  },
  'greeting-too-long': {
    default:
      'The greeting ({{locale}}) has {{length, number}} characters; Messenger allows {{limit, number}}.',
  },
  'greeting-no-default': {
    default: 'The greeting needs a text for the "default" locale; Messenger rejects it otherwise.',
  },
  'greeting-unknown-variable': {
    notProfile:
      'Messenger shows the greeting before the chat starts, so it can only fill {{first}}, {{last}} and {{full}}, not {{placeholder}}.',
    fallback:
      'Messenger fills the greeting itself and would show "|{{fallback}}" as written; use {{placeholder}} without a fallback.',
  },
  'ice-breakers-too-many': {
    default: 'There are {{count, number}} ice breakers; Messenger allows {{limit, number}}.',
  },
  'ice-breaker-too-long': {
    default:
      'The ice breaker "{{question}}" has {{length, number}} characters; keep it under {{limit, number}} so it is not cut off.',
  },
  'menu-too-many': {
    default: 'The menu has {{count, number}} items; Messenger allows {{limit, number}}.',
  },
  'menu-title-too-long': {
    default:
      'The menu item "{{title}}" has {{length, number}} characters; Messenger allows {{limit, number}}.',
  },
  'menu-needs-get-started': {
    default: 'Messenger only shows the persistent menu when the flow has a Get Started trigger.',
  },
  'no-entry': {
    default:
      'The flow has no trigger, so nothing can start it. Add a Get Started, keyword or default trigger.',
  },
  'keyword-missing': { default: 'This keyword trigger has no keywords.' },
  'ref-missing': {
    default: 'This link trigger has no ref: set the ref of the m.me link that starts it.',
  },
  'ref-invalid': {
    default:
      'The ref "{{ref}}" may only use letters, digits, "_", "-" and "=" (at most {{limit, number}} characters).',
  },
  'duplicate-trigger': {
    default: 'There is already a {{what}} ("{{first}}"); only one can start.',
  },
  'keyword-duplicate': {
    default:
      'The keyword "{{keyword}}" is also used by "{{first}}", which comes first and always wins.',
  },
  'comment-trigger-shadowed': {
    onPost:
      'The comment trigger "{{first}}" comes first and takes every comment on post {{post}}: this one never starts. Give "{{first}}" keywords or move it after this one.',
    anyPost:
      'The comment trigger "{{first}}" comes first and takes every comment on any post: this one never starts. Give "{{first}}" keywords or move it after this one.',
  },
  'comment-reply-several-messages': {
    default:
      'This comment trigger leads to {{count, number}} messages before the user answers, but a comment allows one private reply: only the first is sent. Put the rest after a quick reply or a question.',
  },
  'trigger-unconnected': {
    default: 'This trigger is not connected to anything, so the user would get no answer.',
  },
  'no-default-trigger': {
    default:
      'There is no default trigger: messages the flow does not understand get no answer, but Messenger expects bots to answer every message within 30 seconds.',
  },
  'dangling-edge': {
    noSource: 'The connection "{{edge}}" starts at "{{source}}", which does not exist.',
    noHandle:
      'The connection "{{edge}}" leaves through "{{handle}}", which this {{type}} node does not have.',
    noHandleHas:
      'The connection "{{edge}}" leaves through "{{handle}}", which this {{type}} node does not have (it has {{handles}}).',
    noTarget: 'The connection "{{edge}}" leads to "{{target}}", which does not exist.',
    noInput: 'The connection "{{edge}}" leads into a {{type}}, which cannot be entered.',
  },
  'handle-used-twice': {
    default:
      'The output "{{handle}}" already leads somewhere (connection "{{first}}"); one output can lead to one place only.',
  },
  'missing-target': {
    none: '{{subject}} has no target.',
    missing: '{{subject}} points to "{{target}}", which does not exist.',
    note: '{{subject}} points to the note "{{target}}", a canvas comment that never runs.',
  },
  'unreachable-node': {
    default: 'Nothing leads to this node: no trigger, menu item or "go to" reaches it.',
  },
  'duplicate-id': {
    default: 'Another {{what}} already has the id "{{id}}"; ids must be unique.',
  },
  'loop-without-wait': {
    default:
      'These nodes form a loop that never waits for the user or a delay: {{nodes}}. Add a question, quick replies or a delay to it.',
  },
  'delay-past-24h': {
    loop: "This delay repeats in a loop, so it ends up more than 24 hours after the user's last message; Messenger only lets bots write within 24 hours of it, so what follows will not be sent.",
    hours:
      "This delay ends {{hours, number}} hours after the user's last message; Messenger only lets bots write within 24 hours of it, so what follows will not be sent.",
  },
  'compiled-entry-invalid': {
    missingStep: 'The entry {{field}} points to "{{id}}", which does not exist.',
    notTrigger: 'The entry {{field}} points to "{{id}}", a {{type}} step, not a trigger.',
    differs:
      'The entry {{field}} is "{{actual}}", but the flow\'s triggers make it "{{expected}}".',
    shouldBeUnset: 'The entry {{field}} is "{{actual}}", but the flow\'s triggers make it unset.',
    missing: 'The entry {{field}} is missing; the trigger "{{expected}}" needs it.',
    keywords: "The keyword entries do not match the flow's keyword triggers.",
    refs: "The ref entries do not match the flow's ref triggers.",
    comments: "The comment entries do not match the flow's comment triggers.",
  },
  'unknown-variable': {
    inText:
      'The text uses {{placeholder}}, but there is no variable "{{name}}". Declare it in the flow\'s variables or fix the name.',
    name: 'There is no variable "{{name}}". Declare it in the flow\'s variables or fix the name.',
  },
  'profile-variable-no-fallback': {
    default:
      '{{placeholder}} has no fallback: when Messenger refuses the profile, the text shows a gap. Add one after a bar, as in {{example}}.',
  },
  'duplicate-variable': { default: 'The variable "{{name}}" is declared twice.' },
  'builtin-variable-declared': {
    default: '"{{name}}" is a built-in variable; choose another name.',
  },
  'read-only-variable': {
    default:
      '"{{name}}" is a built-in variable and cannot be changed; store the value in a variable of your own.',
  },
  'variable-type-mismatch': {
    answer: 'A {{kind}} answer cannot be stored in "{{name}}", which is a {{type}} variable.',
    compare:
      '"{{name}}" is a {{type}} variable; "greater" and "less" only compare numbers and dates.',
    number: '"{{name}}" is a number, but it is compared with {{value}}.',
    boolean: '"{{name}}" is true or false, but it is compared with {{value}}.',
    increment: 'Only number variables can be increased; "{{name}}" is a {{type}} variable.',
    set: '"{{name}}" is a {{type}} variable and cannot be set to {{value}}.',
  },
  'variable-default-invalid': { default: 'The default {{value}} is not a {{type}}.' },
  'regex-invalid': {
    default: 'The pattern {{pattern}} is not a valid regular expression.',
    detail: 'The pattern {{pattern}} is not a valid regular expression ({{detail}}).',
  },
  'regex-unsupported': {
    default:
      'The pattern {{pattern}} needs a feature that flows do not run ({{detail}}); flow patterns run on a linear-time engine without lookaround or backreferences.',
  },
  'rule-value-missing': {
    tag: 'This rule does not name a tag.',
    value: 'This rule compares "{{name}}" with nothing.',
    actionTag: 'This action does not name a tag.',
  },
  'input-range-invalid': {
    default:
      'The minimum ({{min, number}}) is larger than the maximum ({{max, number}}), so no answer can be valid.',
  },
  'input-setting-ignored': {
    pattern: 'Only text questions check a pattern; this {{kind}} question ignores it.',
    range:
      'Only text (length) and number questions use a minimum and maximum; this {{kind}} question ignores them.',
  },
  'split-empty': { default: 'This split needs at least one variant with a weight above 0.' },
  'condition-empty': {
    default: "This condition has no branches, so it always takes 'else'.",
  },
  'http-save-path-invalid': {
    default:
      '"{{path}}" is not a JSON path; write it like $.order.status, $.items[0].name or $["first name"].',
  },
  'http-timeout-too-long': {
    default:
      'This call may wait {{seconds, number}} s; Messenger expects bots to answer within 30 s, so keep it under {{limit, number}} s.',
  },
  'secret-in-flow': {
    default:
      'This looks like a credential written into the flow, where everyone who sees the flow file or a publish can read it. Write {{example}} instead and give the runtime THREADLINE_SECRET_NAME.',
  },
  'secret-misplaced': {
    default:
      'Secrets are filled in only in an HTTP call (address, headers, body); here the placeholder would be shown as it is.',
  },
  'message-empty': { default: 'This message has nothing to send; add a text, image or cards.' },
  'other-unconnected': {
    default:
      "If the user types instead of tapping a quick reply, nothing answers (there is no default trigger); connect 'other', for example to a message that asks again.",
  },
  'no-disclosure': {
    default:
      "There is no disclosure message. Laws in Germany and California require bots to say they are automated; set one in the flow's settings.",
  },
} as const satisfies Record<LintCode | 'parts', Record<string, string>>;
