// The built renderer is served from app://threadline/, a scheme that maps only into out/renderer,
// instead of file://, which would give the page's origin every file on disk.
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
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

export function serveRenderer(protocol: Protocol, net: Net, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
