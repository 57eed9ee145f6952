// The sandbox's HTTP control API (for `threadline sandbox` and scripts): play a user, read what
// the Page sent, inject failures. Loopback only, like the sandbox itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody } from '../http/body';
import { sendJson } from '../http/respond';
import { FAILURES } from './errors';
import type { Sandbox } from './index';

const UserAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('text'), text: z.string().min(1) }),
  z.strictObject({ action: z.literal('quick-reply'), title: z.string() }),
  z.strictObject({ action: z.literal('button'), title: z.string() }),
  z.strictObject({ action: z.literal('menu'), title: z.string() }),
  z.strictObject({ action: z.literal('get-started'), ref: z.string().optional() }),
  z.strictObject({ action: z.literal('return-thread') }),
]);

const Failure = z.strictObject({
  failure: z.enum(Object.keys(FAILURES) as [keyof typeof FAILURES]),
  times: z.number().int().positive().max(1000).default(1),
  psid: z.string().optional(),
});

const USER_ROUTE = /^\/_sandbox\/users\/([^/]+)(\/messages)?$/;

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
    if (!parsed.success)
      return (sendJson(res, 400, { error: parsed.error.issues[0]?.message }), true);
    sandbox.fail(parsed.data.failure, parsed.data.times, parsed.data.psid);
    return (sendJson(res, 200, { queued: parsed.data }), true);
  }
  if (url.pathname === '/_sandbox/calls' && req.method === 'GET')
    return (sendJson(res, 200, { calls: sandbox.calls(), profile: sandbox.profile() }), true);
  const match = USER_ROUTE.exec(url.pathname);
  if (!match) return (sendJson(res, 404, { error: 'no such sandbox route' }), true);
  const psid = decodeURIComponent(match[1]!);
  if (match[2] && req.method === 'GET') {
    const messages = sandbox.messages(psid).map(({ body: _body, ...seen }) => seen);
    return (
      sendJson(res, 200, { psid, messages, senderActions: sandbox.senderActions(psid) }),
      true
    );
  }
  if (match[2] || req.method !== 'POST')
    return (sendJson(res, 405, { error: 'method not allowed' }), true);
  const parsed = UserAction.safeParse(await json());
  if (!parsed.success)
    return (sendJson(res, 400, { error: parsed.error.issues[0]?.message }), true);
  const user = sandbox.user(psid);
  const a = parsed.data;
  try {
    const sent =
      a.action === 'text'
        ? await user.sendText(a.text)
        : a.action === 'quick-reply'
          ? await user.tapQuickReply(a.title)
          : a.action === 'button'
            ? await user.tapButton(a.title)
            : a.action === 'menu'
              ? await user.tapMenu(a.title)
              : a.action === 'get-started'
                ? await user.getStarted(a.ref)
                : await user.returnThread();
    sendJson(res, 200, { webhookStatus: sent.status, mid: sent.mid });
  } catch (error) {
    sendJson(res, 409, { error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}
