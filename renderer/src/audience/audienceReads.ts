// Reads the runtime's audience answers (docs/format.md §6 "Audience objects"): subscriber pages,
// one subscriber with their conversation, broadcasts and their previews. Parsed with zod first,
// since they come over the network; an answer this app cannot read throws, naming the route.
import { z } from 'zod';
import { t } from '../i18n';

const Count = z.number().int().nonnegative();
const Time = z.string();

const Source = z
  .object({
    kind: z.string(),
    ref: z.string().optional(),
    adId: z.string().optional(),
    commentId: z.string().optional(),
    at: Time.optional(),
  })
  .nullable();

export const Subscriber = z.object({
  psid: z.string(),
  name: z.string().nullable(),
  firstSeen: Time,
  lastMessageAt: Time.nullable(),
  windowOpenUntil: Time.nullable(),
  windowOpen: z.boolean(),
  handover: z.boolean().default(false),
  tags: z.array(z.string()),
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  source: Source.default(null),
});
export type Subscriber = z.infer<typeof Subscriber>;

const SubscriberPage = z.object({ subscribers: z.array(Subscriber), next: z.string().nullable() });
export type SubscriberPage = z.infer<typeof SubscriberPage>;

const ConversationEntry = z.object({
  at: Time,
  from: z.enum(['user', 'page']),
  body: z.unknown(),
  status: z.string().optional(),
  error: z.unknown().optional(),
});
export type ConversationEntry = z.infer<typeof ConversationEntry>;
const SubscriberDetail = Subscriber.extend({ conversation: z.array(ConversationEntry) });
export type SubscriberDetail = z.infer<typeof SubscriberDetail>;

const Reasons = z.record(z.string(), Count).default({});
export const Progress = z.object({
  total: Count.nullable(),
  waiting: Count,
  inProgress: Count,
  sent: Count,
  skipped: Count,
  failed: Count,
  skippedReasons: Reasons,
  failedReasons: Reasons,
});
export type Progress = z.infer<typeof Progress>;

export const Broadcast = z.object({
  id: z.string(),
  flowId: z.string(),
  node: z.string().nullable().optional(),
  status: z.enum(['scheduled', 'running', 'done', 'cancelled']),
  sendAt: Time.nullable().optional(),
  progress: Progress,
  size: Count.optional(),
  reachableNow: Count.optional(),
});
export type Broadcast = z.infer<typeof Broadcast>;

const Preview = z.object({ dryRun: z.literal(true), size: Count, reachableNow: Count });
export type Preview = z.infer<typeof Preview>;

function parse<T>(schema: z.ZodType<T>, body: unknown, route: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(t('audience.unreadable', { route }));
  return parsed.data;
}

export const readSubscriberPage = (body: unknown) =>
  parse(SubscriberPage, body, '/api/subscribers');
export const readSubscriber = (body: unknown) =>
  body === null ? null : parse(SubscriberDetail, body, '/api/subscribers/:psid');
export const readBroadcast = (body: unknown) => parse(Broadcast, body, '/api/broadcasts/:id');
export const readPreview = (body: unknown) => parse(Preview, body, '/api/broadcasts');

/** The runtime's words for a refusal (`message`, else `error`), or the status. */
export function refusalText(status: number, body: unknown): string {
  if (body && typeof body === 'object') {
    const { message, error } = body as Record<string, unknown>;
    if (typeof message === 'string') return message;
    if (typeof error === 'string') return error;
  }
  return t('audience.refused', { status });
}

/** A conversation entry's gist: its text, a button's title, a ref, or the kind of thing sent. */
export function entryText(entry: ConversationEntry): string {
  const body = (entry.body ?? {}) as Record<string, unknown>;
  const message = (body.message ?? {}) as Record<string, unknown>;
  if (typeof message.text === 'string') return message.text;
  const postback = body.postback as { title?: unknown } | undefined;
  if (postback && typeof postback.title === 'string') return `▸ ${postback.title}`;
  const referral = body.referral as { ref?: unknown } | undefined;
  if (referral && typeof referral.ref === 'string') return `ref=${referral.ref}`;
  const attachment = message.attachment as { type?: unknown; payload?: unknown } | undefined;
  const attachments = message.attachments as { type?: unknown }[] | undefined;
  const payload = (attachment?.payload ?? {}) as { text?: unknown; template_type?: unknown };
  if (typeof payload.text === 'string') return payload.text;
  const kind = attachment?.type ?? attachments?.[0]?.type ?? payload.template_type;
  if (typeof kind === 'string') return `[${kind}]`;
  if (typeof body.sender_action === 'string') return `(${body.sender_action})`;
  if (typeof body.type === 'string') return `(${body.type})`;
  return '…';
}

/** The subscribers as CSV: the fixed columns, then one column per variable any of them has. */
export function subscribersCsv(
  rows: readonly Subscriber[],
  heads: Record<
    'psid' | 'name' | 'firstSeen' | 'lastMessageAt' | 'windowOpenUntil' | 'tags' | 'source',
    string
  >,
): string {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.variables)))].sort();
  const lines: (string | number | boolean | null)[][] = [
    [
      heads.psid,
      heads.name,
      heads.firstSeen,
      heads.lastMessageAt,
      heads.windowOpenUntil,
      heads.tags,
      heads.source,
      ...names,
    ],
  ];
  for (const r of rows)
    lines.push([
      r.psid,
      r.name,
      r.firstSeen,
      r.lastMessageAt,
      r.windowOpenUntil,
      r.tags.join(' '),
      sourceText(r.source),
      ...names.map((n) => r.variables[n] ?? null),
    ]);
  return `${lines.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** How they came: `ref:summer`, `ad:123`, `comment:456`, or empty. */
export function sourceText(source: Subscriber['source']): string {
  if (!source) return '';
  const id = source.ref ?? source.adId ?? source.commentId;
  return id ? `${source.kind}:${id}` : source.kind;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quoted when needed; a leading = + - @ is defused so that spreadsheets do not run it.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
