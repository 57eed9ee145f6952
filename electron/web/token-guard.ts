// Browser mode's guard: a random per-launch token, bound to this server's origin.
//
// The printed URL carries the token once, in its fragment (`/#token=...`), which the browser never
// sends to any server. The page moves it into sessionStorage, which belongs to this origin
// (scheme, host AND port), and sends it as the `X-Threadline-Token` header on every API call.
// No cookie: cookies ignore ports, so one set here would reach every other server on 127.0.0.1.
//
// The page and its scripts carry no data and are served without the token; every /api route needs
// the header. Every request must name us in its Host header (DNS rebinding), and a request that
// says where it comes from (Origin) must come from us.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

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

/** The token from `X-Threadline-Token`, or from `Authorization: Bearer` for tools. */
function headerToken(req: IncomingMessage): string | undefined {
  const value = req.headers[TOKEN_HEADER];
  if (value !== undefined) return Array.isArray(value) ? value[0] : value;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return bearer?.[1];
}

/** True for the API's paths, judged on the normalized path (`/x/../api/y` is one of them). */
export function isApiPath(url: string | undefined): boolean {
  const path = new URL(url ?? '/', 'http://x').pathname;
  return path === '/api' || path.startsWith('/api/');
}

/** Our own names for the host, with our port; anything else is refused. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Only our own names in the Host header: a DNS-rebound name reaching 127.0.0.1 is refused. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  return ownOrigins(port).some((origin) => origin === `http://${req.headers.host}`);
}

/** A request that names its origin must name ours: no other site may call or embed us. */
function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || ownOrigins(port).includes(origin);
}

/** True for an API call that comes from our own page or a tool holding the token. */
export function requestHasToken(req: IncomingMessage, token: string, port: number): boolean {
  return hostAllowed(req, port) && originAllowed(req, port) && tokensMatch(token, headerToken(req));
}

/**
 * The hot-reload WebSocket: a browser always sends Origin with one, and it must be ours. (A
 * WebSocket cannot carry our header; Vite adds its own token on top of this.)
 */
export function upgradeAllowed(req: IncomingMessage, port: number): boolean {
  return hostAllowed(req, port) && req.headers.origin !== undefined && originAllowed(req, port);
}

export type GuardResult = 'allowed' | 'handled';

/**
 * Lets a request through when it is for us (Host), from us (Origin, when sent) and, for /api
 * routes, carries the token header. The page and its scripts need no token: they hold no data.
 * Everything else gets 403.
 */
export function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  token: string,
  port: number,
): GuardResult {
  if (!hostAllowed(req, port)) return forbid(res, 'unknown Host header');
  if (!originAllowed(req, port)) return forbid(res, `requests from ${req.headers.origin}`);
  if (isApiPath(req.url)) {
    return tokensMatch(token, headerToken(req)) ? 'allowed' : forbid(res, 'missing or wrong token');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return forbid(res, `${req.method} requests`);
  return 'allowed';
}

function forbid(res: ServerResponse, why: string): GuardResult {
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(
    `403 Forbidden (${why}): open the URL with the token that "npm run web" printed, ` +
      'in the browser tab it opened.\n',
  );
  return 'handled';
}
