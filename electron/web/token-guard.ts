// Browser mode's only guard: a random per-launch token. The printed URL carries it once
// (`/?token=...`); the host answers with an HttpOnly SameSite=Strict cookie, so page scripts never
// see the token and other sites cannot send it. Tests and tools may send it as a header instead.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TOKEN_COOKIE = 'threadline_token';
export const TOKEN_HEADER = 'x-threadline-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time: hashing first makes both sides the same length. */
export function tokensMatch(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

function headerToken(req: IncomingMessage): string | undefined {
  const value = req.headers[TOKEN_HEADER];
  return Array.isArray(value) ? value[0] : value;
}

/** Only our own names for the host: a DNS-rebound name reaching 127.0.0.1 is refused. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** True for a request from our own page (cookie) or a tool holding the token (header). */
export function requestHasToken(req: IncomingMessage, token: string, port: number): boolean {
  if (!hostAllowed(req, port)) return false;
  return tokensMatch(token, cookieToken(req)) || tokensMatch(token, headerToken(req));
}

export type GuardResult = 'allowed' | 'handled';

/**
 * Lets a request through when it carries the token (cookie or header). A GET with the token in
 * the query sets the cookie and redirects to the same path without it, so the token leaves the
 * address bar and the history. Everything else gets 403.
 */
export function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  token: string,
  port: number,
): GuardResult {
  if (!hostAllowed(req, port)) return forbid(res, 'unknown Host header');
  if (requestHasToken(req, token, port)) return 'allowed';
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const queryToken = url.searchParams.get('token');
  if (req.method === 'GET' && tokensMatch(token, queryToken)) {
    url.searchParams.delete('token');
    res.writeHead(303, {
      'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: url.pathname + url.search,
      'Cache-Control': 'no-store',
    });
    res.end();
    return 'handled';
  }
  return forbid(res, 'missing or wrong token');
}

function forbid(res: ServerResponse, why: string): GuardResult {
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`403 Forbidden (${why}): open the URL with the token that "npm run web" printed.\n`);
  return 'handled';
}
