// Every lint rule: its stable code, severity and a one-line description. docs/lint-codes.md is
// generated from this table (scripts/lint-codes.ts), so the README never drifts from the code.
export const LINT_RULES = [
  // Reported by the CLI when a file cannot be read as a flow at all (JSON syntax or schema).
  {
    code: 'invalid-document',
    severity: 'error',
    description:
      'The file is not a valid flow document (JSON syntax, unknown fields, wrong types).',
  },
  // Messenger limits on messages (docs/messenger.md §2.4–2.6)
  {
    code: 'text-too-long',
    severity: 'error',
    description: 'A text is longer than Messenger allows: 2,000 characters, or 640 with buttons.',
  },
  {
    code: 'text-empty',
    severity: 'error',
    description: 'A text, prompt or button title is empty; Messenger refuses empty messages.',
  },
  {
    code: 'buttons-too-many',
    severity: 'error',
    description: 'A text or card has more than 3 buttons.',
  },
  {
    code: 'button-title-too-long',
    severity: 'error',
    description: 'A button title is longer than 20 characters.',
  },
  {
    code: 'phone-invalid',
    severity: 'error',
    description: 'A call button number is not in international format (+ country code and digits).',
  },
  {
    code: 'quick-replies-too-many',
    severity: 'error',
    description: 'A message or question offers more than 13 quick replies.',
  },
  {
    code: 'quick-reply-title-too-long',
    severity: 'error',
    description: 'A quick reply title is longer than 20 characters.',
  },
  {
    code: 'quick-replies-without-message',
    severity: 'error',
    description:
      'Quick replies must follow a text, media or cards block, not a typing pause or nothing.',
  },
  {
    code: 'cards-too-many',
    severity: 'error',
    description: 'A card gallery has more than 10 cards.',
  },
  { code: 'cards-empty', severity: 'error', description: 'A card gallery has no cards.' },
  {
    code: 'card-title-too-long',
    severity: 'error',
    description: 'A card title is longer than 80 characters.',
  },
  {
    code: 'card-subtitle-too-long',
    severity: 'error',
    description: 'A card subtitle is longer than 80 characters.',
  },
  {
    code: 'card-too-bare',
    severity: 'error',
    description: 'A card needs a title plus a subtitle, image, link or button.',
  },
  {
    code: 'url-invalid',
    severity: 'error',
    description: 'A link or media address is not a valid URL.',
  },
  {
    code: 'url-not-https',
    severity: 'error',
    description: 'Messenger needs https:// for media, buttons, cards and menu links.',
  },
  {
    code: 'typing-too-long',
    severity: 'warning',
    description:
      'A typing pause is longer than 20 seconds; Messenger hides the indicator after 20.',
  },
  // Messenger Profile (docs/messenger.md §4)
  {
    code: 'greeting-too-long',
    severity: 'error',
    description: 'A greeting is longer than 160 characters.',
  },
  {
    code: 'greeting-no-default',
    severity: 'error',
    description: 'The greeting has no text for the "default" locale.',
  },
  {
    code: 'greeting-unknown-variable',
    severity: 'error',
    description:
      'The greeting uses a placeholder Messenger cannot fill: only {{user_first_name}}, {{user_last_name}} and {{user_full_name}}, without fallbacks.',
  },
  { code: 'ice-breakers-too-many', severity: 'error', description: 'More than 4 ice breakers.' },
  {
    code: 'ice-breaker-too-long',
    severity: 'warning',
    description: 'An ice-breaker question is longer than 80 characters.',
  },
  {
    code: 'menu-too-many',
    severity: 'error',
    description: 'The persistent menu has more than 20 items.',
  },
  {
    code: 'menu-title-too-long',
    severity: 'error',
    description: 'A persistent menu title is longer than 20 characters.',
  },
  {
    code: 'menu-needs-get-started',
    severity: 'error',
    description: 'A persistent menu needs a Get Started trigger.',
  },
  // Triggers and entries
  {
    code: 'no-entry',
    severity: 'error',
    description: 'The flow has no trigger, so nothing can start it.',
  },
  { code: 'keyword-missing', severity: 'error', description: 'A keyword trigger has no keywords.' },
  { code: 'ref-missing', severity: 'error', description: 'A link (ref) trigger has no ref.' },
  {
    code: 'ref-invalid',
    severity: 'error',
    description: 'A ref may only use letters, digits, "_", "-" and "=" (up to 2,083 characters).',
  },
  {
    code: 'duplicate-trigger',
    severity: 'error',
    description:
      'Two Get Started triggers, two default triggers, or two triggers for the same ref.',
  },
  {
    code: 'keyword-duplicate',
    severity: 'warning',
    description: 'A keyword is used by two triggers; only the first one ever starts.',
  },
  {
    code: 'trigger-unconnected',
    severity: 'warning',
    description: 'A trigger leads nowhere, so the user gets no answer.',
  },
  {
    code: 'comment-trigger-shadowed',
    severity: 'warning',
    description:
      'An earlier comment trigger takes every comment this one would (same post or any post, no keywords), so this one never starts.',
  },
  {
    code: 'comment-reply-several-messages',
    severity: 'warning',
    description:
      'A comment trigger leads to more than one message before waiting: a comment allows one private reply, the rest are dropped.',
  },
  {
    code: 'no-default-trigger',
    severity: 'warning',
    description:
      'No default trigger: messages the flow does not understand get no answer, but Messenger expects one within 30 s.',
  },
  // Graph
  {
    code: 'dangling-edge',
    severity: 'error',
    description: 'A connection starts or ends at a node or handle that does not exist.',
  },
  {
    code: 'handle-used-twice',
    severity: 'error',
    description: 'One output has two connections; it can lead to one place only.',
  },
  {
    code: 'missing-target',
    severity: 'error',
    description: 'A "go to", ice breaker or menu item points to a node that does not exist.',
  },
  {
    code: 'unreachable-node',
    severity: 'warning',
    description: 'No trigger, menu or "go to" ever reaches this node.',
  },
  {
    code: 'duplicate-id',
    severity: 'error',
    description:
      'Two nodes, connections, buttons, replies, cards, branches or variants share an id.',
  },
  {
    code: 'loop-without-wait',
    severity: 'error',
    description: 'A loop never waits for the user or a delay, so it would run forever.',
  },
  {
    code: 'delay-past-24h',
    severity: 'warning',
    description:
      "A delay ends more than 24 hours after the user's last message; Messenger will not deliver what follows.",
  },
  {
    code: 'compiled-entry-invalid',
    severity: 'error',
    description:
      "A compiled flow's entry table names a step that does not exist or is not a trigger, or disagrees with its triggers (checked on publish; compile never writes one).",
  },
  // Variables
  {
    code: 'unknown-variable',
    severity: 'error',
    description: 'A variable is used but neither declared in the flow nor built in.',
  },
  {
    code: 'profile-variable-no-fallback',
    severity: 'warning',
    description:
      'A text uses {{user_first_name}}, {{user_last_name}} or {{user_locale}} without a fallback ({{user_first_name|there}}); Messenger may refuse the profile, which leaves a gap.',
  },
  {
    code: 'duplicate-variable',
    severity: 'error',
    description: 'Two variables have the same name.',
  },
  {
    code: 'builtin-variable-declared',
    severity: 'error',
    description: 'A declared variable has the name of a built-in one.',
  },
  {
    code: 'read-only-variable',
    severity: 'error',
    description: 'A question, action or HTTP call writes a built-in, read-only variable.',
  },
  {
    code: 'variable-type-mismatch',
    severity: 'error',
    description:
      "A variable is used in a way its type does not allow, such as 'greater than' on text.",
  },
  {
    code: 'variable-default-invalid',
    severity: 'error',
    description: "A variable's default value does not fit its type.",
  },
  {
    code: 'regex-invalid',
    severity: 'error',
    description: 'A pattern (regular expression) does not compile.',
  },
  {
    code: 'regex-unsupported',
    severity: 'error',
    description:
      'A pattern uses lookaround, backreferences or another feature that needs backtracking; flow patterns run on a linear-time engine (RE2).',
  },
  {
    code: 'rule-value-missing',
    severity: 'error',
    description: 'A condition rule compares with nothing.',
  },
  // Node settings
  {
    code: 'input-range-invalid',
    severity: 'error',
    description: "A question's minimum is larger than its maximum.",
  },
  {
    code: 'input-setting-ignored',
    severity: 'warning',
    description:
      'A question has a pattern (only text questions use one) or a minimum or maximum (only text and number questions use them).',
  },
  {
    code: 'split-empty',
    severity: 'error',
    description: 'A split has no variants, or all weights are 0.',
  },
  {
    code: 'condition-empty',
    severity: 'warning',
    description: "A condition has no branches, so it always takes 'else'.",
  },
  {
    code: 'http-save-path-invalid',
    severity: 'error',
    description: 'An HTTP save path must be a JSON path starting with "$", like $.order.status.',
  },
  {
    code: 'http-timeout-too-long',
    severity: 'warning',
    description: 'An HTTP call may take more than 20 s; Messenger expects an answer within 30 s.',
  },
  // Secrets (flows/secrets.ts)
  {
    code: 'secret-in-flow',
    severity: 'warning',
    description:
      'An HTTP header, address or body looks like a credential written in plain text (a bearer token, an API key, sk_live_…); use {{secret.NAME}} and THREADLINE_SECRET_NAME on the runtime.',
  },
  {
    code: 'secret-misplaced',
    severity: 'error',
    description:
      'A {{secret.NAME}} placeholder outside an HTTP call: secrets are filled in only in HTTP addresses, headers and bodies, never in messages.',
  },
  // Conversation quality and policy
  { code: 'message-empty', severity: 'warning', description: 'A message has nothing to send.' },
  {
    code: 'other-unconnected',
    severity: 'warning',
    description:
      "Quick replies without an 'other' connection in a flow without a default trigger: typed answers get no reply.",
  },
  {
    code: 'no-disclosure',
    severity: 'warning',
    description:
      'No disclosure message: some laws (Germany, California) require bots to say they are automated.',
  },
] as const satisfies readonly {
  code: string;
  severity: 'error' | 'warning';
  description: string;
}[];

export type LintCode = (typeof LINT_RULES)[number]['code'];

export const SEVERITY_OF: ReadonlyMap<LintCode, 'error' | 'warning'> = new Map(
  LINT_RULES.map((rule) => [rule.code, rule.severity]),
);
