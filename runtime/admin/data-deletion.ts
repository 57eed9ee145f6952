// Meta's data deletion callback (docs/runtime.md "Privacy"): Meta POSTs a form field
// `signed_request` = base64url(HMAC-SHA256 signature) "." base64url(JSON payload), signed with
// the app secret and naming the person in `user_id`. The runtime deletes what it holds about
// them, as DELETE /api/subscribers/:psid does, and answers `{url, confirmation_code}`; the URL
// shows the request's status to the person without the token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/body';
import { sendJson } from '../http/respond';
import type { Logger } from '../log';
import type { Store } from '../store/types';

export const DATA_DELETION_PATH = '/data-deletion';

export interface DataDeletionDeps {
  store: Store;
  pageId: string;
  appSecret: string;
  log: Logger;
  now: () => number;
  /** The runtime's public address for the status URL; else from the request's Host header. */
  publicUrl?: string;
}

export type SignedRequest =
  | { ok: true; userId: string; payload: Record<string, unknown> }
  | { ok: false; status: 400 | 401; error: string; message: string };

function fromBase64Url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/=+$/, ''), 'base64url');
}

/** Checks a `signed_request` (constant-time signature check) and reads its user. */
export function parseSignedRequest(signed: string, appSecret: string): SignedRequest {
  const bad = (message: string): SignedRequest => ({
    ok: false,
    status: 400,
    error: 'malformed-signed-request',
    message,
  });
  const parts = signed.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1])
    return bad('signed_request must be two base64url parts joined by "." (signature.payload)');
  const signature = fromBase64Url(parts[0]);
  const payloadBytes = fromBase64Url(parts[1]);
  if (!signature || !payloadBytes) return bad('signed_request is not base64url');
  const expected = createHmac('sha256', appSecret).update(parts[1]).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected))
    return {
      ok: false,
      status: 401,
      error: 'bad-signature',
      message: 'the signed_request signature does not match the app secret (HMAC-SHA256)',
    };
  let payload: unknown;
  try {
    payload = JSON.parse(payloadBytes.toString('utf8'));
  } catch {
    return bad('the signed_request payload is not JSON');
  }
  if (typeof payload !== 'object' || payload === null) return bad('the payload is not an object');
  const p = payload as Record<string, unknown>;
  if (typeof p.algorithm === 'string' && p.algorithm.toUpperCase() !== 'HMAC-SHA256')
    return bad(`algorithm "${p.algorithm}" is not HMAC-SHA256`);
  const userId = typeof p.user_id === 'number' ? String(p.user_id) : p.user_id;
  if (typeof userId !== 'string' || userId === '') return bad('the payload names no user_id');
  return { ok: true, userId, payload: p };
}

/** Signs a payload the way Meta does (tests, and the sandbox). */
export function signRequest(payload: unknown, appSecret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const sig = createHmac('sha256', appSecret).update(body).digest('base64url');
  return `${sig}.${body}`;
}

export async function handleDataDeletion(
  deps: DataDeletionDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const read = await readBody(req, 16 * 1024);
  if (!read.ok) return sendJson(res, read.code === 'too-large' ? 413 : 400, { error: read.code });
  // Meta sends a form; a JSON body with the same field is taken too.
  const text = read.body.toString('utf8');
  let signed: string | null | undefined;
  if ((req.headers['content-type'] ?? '').includes('json')) {
    try {
      signed = (JSON.parse(text) as { signed_request?: string }).signed_request;
    } catch {
      signed = undefined;
    }
  } else signed = new URLSearchParams(text).get('signed_request');
  if (typeof signed !== 'string' || signed === '')
    return sendJson(res, 400, {
      error: 'missing-signed-request',
      message: 'the body needs the form field signed_request',
    });
  const parsed = parseSignedRequest(signed, deps.appSecret);
  if (!parsed.ok) {
    deps.log.warn('data-deletion.refused', { reason: parsed.error });
    return sendJson(res, parsed.status, { error: parsed.error, message: parsed.message });
  }
  const now = deps.now();
  // The id Meta names is looked up as this Page's PSID (see docs/runtime.md "Privacy").
  const deleted = await deps.store.audience.deleteSubscriber({
    pageId: deps.pageId,
    psid: parsed.userId,
  });
  const code = randomBytes(12).toString('hex');
  await deps.store.audience.saveDeletion({
    code,
    userId: parsed.userId,
    status: 'done',
    deleted,
    requestedAt: now,
    finishedAt: deps.now(),
  });
  deps.log.info('data-deletion.done', { code, ...deleted });
  sendJson(res, 200, {
    url: `${baseUrl(deps, req)}${DATA_DELETION_PATH}/${code}`,
    confirmation_code: code,
  });
}

function baseUrl(deps: DataDeletionDeps, req: IncomingMessage): string {
  if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, '');
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

export async function dataDeletionStatus(
  deps: DataDeletionDeps,
  code: string,
  res: ServerResponse,
): Promise<void> {
  const request = /^[0-9a-f]{24}$/.test(code)
    ? await deps.store.audience.deletion(code)
    : undefined;
  if (!request)
    return sendJson(res, 404, {
      error: 'unknown-confirmation-code',
      message: `no data deletion request with confirmation code "${code}"`,
    });
  // The person sees that it is done and when; not which id or what was held.
  sendJson(res, 200, {
    confirmation_code: request.code,
    status: request.status,
    requested_at: new Date(request.requestedAt).toISOString(),
    completed_at: request.finishedAt === null ? null : new Date(request.finishedAt).toISOString(),
  });
}
