// The sandbox's HTTP control API (for `threadline sandbox` and scripts): play a user, read what
// the Page sent, inject failures. Loopback only, like the sandbox itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody } from '../http/body';
import { sendJson } from '../http/respond';
import { FAILURES, PROFILE_FAILURES, type FailureName, type ProfileFailureName } from './errors';
import type { Sandbox } from './index';
import type { SandboxUser, SentComment, SentEvent } from './user';

const Url = z.url({ protocol: /^https?$/ });
const Attachment = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['image', 'video', 'audio', 'file']), url: Url }),
  z.strictObject({
    type: z.literal('sticker'),
    url: Url.optional(),
    stickerId: z.number().int().positive().optional(),
  }),
  z.strictObject({
    type: z.literal('location'),
    lat: z.number().min(-90).max(90),
    long: z.number().min(-180).max(180),
  }),
  z.strictObject({ type: z.literal('fallback'), url: Url, title: z.string().optional() }),
  z.strictObject({
    type: z.enum(['post', 'reel', 'ig_reel']),
    url: Url,
    title: z.string().optional(),
    videoId: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('product'),
    id: z.string().min(1),
    title: z.string().optional(),
    subtitle: z.string().optional(),
    imageUrl: Url.optional(),
  }),
]);

const UserAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('text'), text: z.string().min(1) }),
  z.strictObject({ action: z.literal('quick-reply'), title: z.string() }),
  z.strictObject({ action: z.literal('button'), title: z.string(), card: z.string().optional() }),
  z.strictObject({ action: z.literal('menu'), title: z.string() }),
  z.strictObject({ action: z.literal('ice-breaker'), question: z.string() }),
  z.strictObject({ action: z.literal('get-started'), ref: z.string().optional() }),
  z.strictObject({ action: z.literal('referral'), ref: z.string().min(1) }),
  z.strictObject({ action: z.literal('return-thread') }),
  /** A comment on one of the Page's posts (the `feed` webhook). */
  z.strictObject({
    action: z.literal('comment'),
    postId: z.string().min(1),
    text: z.string().min(1),
  }),
  z.strictObject({ action: z.literal('attachments'), attachments: z.array(Attachment).min(1) }),
]);
const ATTACHMENT_TYPES = new Set<string>([
  ...['image', 'video', 'audio', 'file', 'sticker', 'location', 'fallback'],
  ...['post', 'reel', 'ig_reel', 'product'],
]);

/** One attachment's shorthand, `{"action":"location","lat":..,"long":..}`, as an `attachments` action. */
function expandShorthand(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { action, ...rest } = body as Record<string, unknown>;
  if (typeof action !== 'string' || !ATTACHMENT_TYPES.has(action)) return body;
  return { action: 'attachments', attachments: [{ type: action, ...rest }] };
}

const Profile = z.strictObject({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  locale: z.string().optional(),
});

const Clock = z.strictObject({
  advanceSeconds: z
    .number()
    .positive()
    .max(400 * 24 * 3600),
});

const Failure = z.strictObject({
  failure: z.enum([
    ...(Object.keys(FAILURES) as [FailureName]),
    ...(Object.keys(PROFILE_FAILURES) as [ProfileFailureName]),
  ]),
  times: z.number().int().positive().max(1000).default(1),
  psid: z.string().optional(),
});

const USER_ROUTE = /^\/_sandbox\/users\/([^/]+)(\/messages|\/profile)?$/;

export async function handleControl(
  sandbox: Sandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith('/_sandbox/')) return false;
  const json = async () => {
    const read = await readBody(req, 64 * 1024);
    if (!read.ok) return undefined;
    try {
      return JSON.parse(read.body.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  };
  if (url.pathname === '/_sandbox/failures' && req.method === 'POST') {
    const parsed = Failure.safeParse(await json());
    if (!parsed.success) return (sendJson(res, 400, { error: describe(parsed.error) }), true);
    sandbox.fail(parsed.data.failure, parsed.data.times, parsed.data.psid);
    return (sendJson(res, 200, { queued: parsed.data }), true);
  }
  if (url.pathname === '/_sandbox/clock' && req.method === 'POST') {
    const parsed = Clock.safeParse(await json());
    if (!parsed.success) return (sendJson(res, 400, { error: describe(parsed.error) }), true);
    const now = sandbox.advanceClock(parsed.data.advanceSeconds * 1000);
    return (sendJson(res, 200, { now: new Date(now).toISOString() }), true);
  }
  if (url.pathname === '/_sandbox/calls' && req.method === 'GET')
    return (sendJson(res, 200, { calls: sandbox.calls(), profile: sandbox.profile() }), true);
  const match = USER_ROUTE.exec(url.pathname);
  if (!match) return (sendJson(res, 404, { error: 'no such sandbox route' }), true);
  const psid = decodeURIComponent(match[1]!);
  if (match[2] === '/profile') {
    if (req.method === 'GET')
      return (sendJson(res, 200, { psid, profile: sandbox.userProfile(psid) ?? null }), true);
    if (req.method !== 'PUT') return (sendJson(res, 405, { error: 'method not allowed' }), true);
    const parsed = Profile.safeParse(await json());
    if (!parsed.success) return (sendJson(res, 400, { error: describe(parsed.error) }), true);
    sandbox.setUserProfile(psid, parsed.data);
    return (sendJson(res, 200, { psid, profile: parsed.data }), true);
  }
  if (match[2] && req.method === 'GET') {
    const messages = sandbox.messages(psid).map(({ body: _body, ...seen }) => seen);
    return (
      sendJson(res, 200, { psid, messages, senderActions: sandbox.senderActions(psid) }),
      true
    );
  }
  if (match[2] || req.method !== 'POST')
    return (sendJson(res, 405, { error: 'method not allowed' }), true);
  const parsed = UserAction.safeParse(expandShorthand(await json()));
  if (!parsed.success) return (sendJson(res, 400, { error: describe(parsed.error) }), true);
  try {
    const sent = await play(sandbox.user(psid), parsed.data);
    sendJson(res, 200, {
      webhookStatus: sent.status,
      mid: sent.mid,
      ...('commentId' in sent ? { commentId: sent.commentId } : {}),
    });
  } catch (error) {
    sendJson(res, 409, { error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}

function play(user: SandboxUser, a: z.infer<typeof UserAction>): Promise<SentEvent | SentComment> {
  switch (a.action) {
    case 'text':
      return user.sendText(a.text);
    case 'quick-reply':
      return user.tapQuickReply(a.title);
    case 'button':
      return user.tapButton(a.title, a.card);
    case 'menu':
      return user.tapMenu(a.title);
    case 'ice-breaker':
      return user.tapIceBreaker(a.question);
    case 'get-started':
      return user.getStarted(a.ref);
    case 'referral':
      return user.followLink(a.ref);
    case 'return-thread':
      return user.returnThread();
    case 'attachments':
      return user.sendAttachments(a.attachments);
    case 'comment':
      return user.comment(a.postId, a.text);
  }
}

/** The first problem, with where it is: `attachments.0.url: Invalid URL`. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
