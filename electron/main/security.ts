// Renderer hardening that applies to every WebContents: no navigation away from the app, no new
// windows, no webviews, no permissions, and no requests to the network (the renderer talks to the
// world only through the host API).
import type { App, Session } from 'electron';
import { originOf } from './url-origin';

export function hardenWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function hardenSession(session: Session, rendererOrigin: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, rendererOrigin) });
  });
}

/** Our own renderer's origin (app:// or the dev server), devtools and inline data only. */
export function isAllowedRequest(url: string, rendererOrigin: string): boolean {
  if (url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) {
    return true;
  }
  const origin = originOf(url);
  if (origin === rendererOrigin) return true;
  // Vite's dev server also opens its HMR WebSocket on the same host and port.
  return (
    origin !== null &&
    origin.startsWith('ws://') &&
    origin.slice(5) === originOf(rendererOrigin)?.replace(/^https?:\/\//, '')
  );
}
