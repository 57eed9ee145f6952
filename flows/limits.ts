// Messenger's limits in one table (docs/messenger.md names the source of each). Meta changes the
// platform often: change a number here, never in the rules.
export const MESSENGER_LIMITS = {
  /** §2.4 `message.text`: < 2000 characters, counted as characters, not bytes. */
  textLength: 2000,
  /** §2.5 button template `text`: ≤ 640 characters. */
  buttonTemplateTextLength: 640,
  /** §2.5 button template: 1–3 buttons; generic element: ≤ 3 buttons. */
  buttonsPerTemplate: 3,
  /** §2.4/§2.6 button title, all button types: 20 characters. */
  buttonTitleLength: 20,
  /** §2.4 quick replies: at most 13. */
  quickReplies: 13,
  /** §2.4 quick reply title: 20 characters (longer titles are truncated). */
  quickReplyTitleLength: 20,
  /** §2.4/§2.6 postback and quick-reply payload: 1000 characters. */
  payloadLength: 1000,
  /** §2.5 generic template: at most 10 elements. */
  cardsPerGallery: 10,
  /** §2.5 generic element title and subtitle: 80 characters each. */
  cardTitleLength: 80,
  cardSubtitleLength: 80,
  /** §2.3 typing_on turns itself off after 20 s. */
  typingSeconds: 20,
  /** §4 greeting text: 160 characters; a `default` locale is required. */
  greetingLength: 160,
  /** §4 Messenger fills only these tokens in the greeting. */
  greetingTokens: ['user_first_name', 'user_last_name', 'user_full_name'],
  /** §4 ice breakers: at most 4. */
  iceBreakers: 4,
  /** §4 ice-breaker question length: 80 (unconfirmed, `?`), hence only a warning. */
  iceBreakerLength: 80,
  /** §4 persistent menu: at most 20 items per locale. */
  persistentMenuItems: 20,
  /** §4 whitelisted domains: at most 50, each an https:// address. */
  whitelistedDomains: 50,
  /** §2.5 receipt template: at most 100 elements. */
  receiptElements: 100,
  /**
   * Longest URL the engine sends (buttons, cards, media). Not a documented Messenger limit but
   * the longest address that browsers reliably open (the §8 `ref` limit has the same origin); a
   * rendered URL past it (a huge variable) is left out and logged instead of sent.
   */
  urlLength: 2083,
  /** §8 m.me `ref`: up to 2083 characters of [A-Za-z0-9_=-]. */
  refLength: 2083,
  refPattern: /^[A-Za-z0-9_=-]+$/,
  /** §2.6 call button: `+<country><number>`. */
  phonePattern: /^\+\d{6,15}$/,
  /** §3 standard messaging window: 24 hours after the user's last message. */
  messagingWindowSeconds: 24 * 60 * 60,
  /** §3 responsiveness: every input answered within 30 s; an HTTP call slower than this risks it. */
  httpTimeoutMs: 20_000,
} as const;
