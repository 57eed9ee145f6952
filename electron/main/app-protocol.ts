// The built renderer is served from app://threadline/, a scheme that maps only into out/renderer,
// instead of file://, which would give the page's origin every file on disk.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { RENDERER_CSP, securityHeaders } from '../security-headers';
import { originOf } from './url-origin';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://threadline`;

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The file in rendererDir for an app:// URL, or null for anything outside it. */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  if (originOf(url) !== APP_ORIGIN) return null;
  const parsed = new URL(url);
  const pathname = decodeURIComponent(parsed.pathname);
  const file = normalize(join(rendererDir, pathname === '/' ? 'index.html' : pathname));
  return file.startsWith(normalize(rendererDir) + sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Reads the files itself rather than through net.fetch(file://): the session refuses every
 * request that is not the renderer's own origin, and a file:// fetch would be one of those.
 * Every answer carries the renderer's CSP as a header too (a built page has no inline script, so
 * the full policy fits), which is where frame-ancestors counts.
 */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    const headers = securityHeaders(RENDERER_CSP);
    if (!file) return new Response('Not found', { status: 404, headers });
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      return new Response(body, { headers: { ...headers, 'Content-Type': type } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}
