// Scenario files (docs/format.md §4): a recorded or hand-written chat that `threadline test` replays.
// Additions beyond docs/format.md §4, needed to reach every handle: `{ "handBack": true }` (the Page
// Inbox hands the thread back: the `returned` handle of a handover), `{ "iceBreaker": question }`,
// `{ "button": title, "card": cardTitle }` (carousels often repeat a button title on every card),
// an optional `http` map of canned answers for http steps, and attachments of every type the
// engine knows (`sticker`, `location`, `share` besides the media of docs/format.md §4) with `more` for several
// sent in one message (docs/events.md), and `{ "comment": text, "postId"? }` (a comment on a post).
import { z } from 'zod';
import { AttachmentType } from '../engine/events';
import { lintText, renderLintText, type LintText } from '../lint/text';
import { locateJsonError } from '../load-json-error';

export const SCENARIO_FORMAT = 'threadline.scenario' as const;
export const SCENARIO_VERSION = 1 as const;

export const ScenarioSend = z.union([
  z.strictObject({ text: z.string() }),
  z.strictObject({ quickReply: z.string() }),
  /** `card` picks among same-titled buttons of a carousel: the one on the card with that title. */
  z.strictObject({ button: z.string(), card: z.string().optional() }),
  z.strictObject({ getStarted: z.literal(true) }),
  z.strictObject({ ref: z.string() }),
  /** `more`: further attachments sent in the same message (docs/events.md). */
  z.strictObject({
    attachment: z.strictObject({
      type: AttachmentType,
      url: z.string(),
      more: z.array(z.strictObject({ type: AttachmentType, url: z.string() })).optional(),
    }),
  }),
  z.strictObject({ menu: z.string() }),
  z.strictObject({ iceBreaker: z.string() }),
  z.strictObject({ handBack: z.literal(true) }),
  /**
   * A comment on one of the Page's posts (`postId`, SCENARIO_POST_ID by default): starts the
   * matching comment trigger, answered by a private reply (docs/events.md "Comments").
   */
  z.strictObject({ comment: z.string().min(1), postId: z.string().min(1).optional() }),
]);

/** The post a scenario's comment is made on when it names none. */
export const SCENARIO_POST_ID = 'post-1';
export type ScenarioSend = z.infer<typeof ScenarioSend>;

export const ExpectedMessage = z.strictObject({
  text: z.string().optional(),
  textContains: z.string().optional(),
  quickReplies: z.array(z.string()).optional(),
  buttons: z.array(z.string()).optional(),
  cards: z.array(z.string()).optional(),
  image: z.string().optional(),
  video: z.string().optional(),
  audio: z.string().optional(),
  file: z.string().optional(),
  handover: z.literal(true).optional(),
});
export type ExpectedMessage = z.infer<typeof ExpectedMessage>;

export const ScenarioStep = z.union([
  z.strictObject({ send: ScenarioSend }),
  z.strictObject({ expect: z.array(ExpectedMessage) }),
  /** `null` expects the variable to be unset. */
  z.strictObject({
    expectVars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  z.strictObject({ expectTags: z.array(z.string()) }),
  z.strictObject({ wait: z.number().min(0) }),
]);
export type ScenarioStep = z.infer<typeof ScenarioStep>;

/** A canned answer for an http step: a status and body, or a transport error. */
export const HttpAnswer = z.union([
  z.strictObject({ status: z.number().int(), body: z.unknown().optional() }),
  z.strictObject({ error: z.string() }),
]);
export type HttpAnswer = z.infer<typeof HttpAnswer>;

export const Scenario = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  flow: z.string(),
  name: z.string(),
  user: z
    .strictObject({
      id: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      locale: z.string().optional(),
    })
    .optional(),
  seed: z.number().int().optional(),
  /**
   * Answers for http steps, keyed by the step's node id, by "METHOD url" or by the url (the
   * rendered one), tried in that order. A list answers successive calls, its last entry repeats.
   * A request without an answer fails with a transport error (the `error` handle).
   */
  http: z.record(z.string(), z.union([HttpAnswer, z.array(HttpAnswer).min(1)])).optional(),
  steps: z.array(ScenarioStep),
});
export type Scenario = z.infer<typeof Scenario>;

/**
 * A file that cannot be read: the English `message`, and for a JSON syntax error its key and
 * values (flows/lint/text, `invalid-document.notJson`) for other languages, as a flow file has.
 */
export type ScenarioParse =
  { ok: true; scenario: Scenario } | { ok: false; message: string; text?: LintText };

export function parseScenario(text: string, file = 'scenario'): ScenarioParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    const problem = lintText('invalid-document.jsonAt', {
      line: at.line,
      column: at.column,
      problem: at.text,
    });
    const said = lintText('invalid-document.inFile', {
      file,
      problem: lintText('invalid-document.notJson', { problem }),
    });
    return { ok: false, message: renderLintText(said, 'en'), text: said };
  }
  const parsed = Scenario.safeParse(raw);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    message: `${file}: ${issue?.path.join('.') || 'scenario'}: ${issue?.message ?? 'invalid'}`,
  };
}
