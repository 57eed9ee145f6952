// The runtime's HTTP server: the webhook, then the admin routes; anything else is 404. Errors in
// a handler become a 500 with a logged reason, never a crashed process. Slow clients are cut off:
// headers must arrive within `headersMs`, the whole request within `requestMs` (Node answers 408),
// and a response sent before the request was read to its end (413) closes the connection.
import { createServer, type Server } from 'node:http';
import { handleAdmin, type AdminDeps } from '../admin/routes';
import { sendJson } from './respond';
import { handleVerification, handleWebhook, type WebhookDeps } from './webhook';

export interface HttpTimeouts {
  /** Time for a client to send a request's headers. */
  headersMs: number;
  /** Time for a client to send a whole request, body included. */
  requestMs: number;
}

const LINGER_MS = 1000;

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000 };

export function createRuntimeServer(
  webhook: WebhookDeps,
  admin: AdminDeps,
  timeouts: HttpTimeouts = DEFAULT_HTTP_TIMEOUTS,
): Server {
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // How often Node looks for requests past those timeouts (its default is every 30 s).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, timeouts.headersMs / 4)),
    },
    (req, res) => {
      res.on('finish', () => {
        if (req.complete) return;
        // Answered before the body was read (413): read no more of it. Closing at once would
        // reset the connection under a client still sending, and it might lose the answer; so
        // close our side, and drop the connection a moment later.
        req.socket.end();
        setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
      });
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://runtime.local');
      } catch {
        return sendJson(res, 400, { error: 'bad-url', message: 'the request path is not a URL' });
      }
      const route = async () => {
        if (url.pathname === '/webhook') {
          if (req.method === 'GET') return handleVerification(webhook, url, res);
          if (req.method === 'POST') return handleWebhook(webhook, req, res);
          return sendJson(res, 405, { error: 'method-not-allowed' });
        }
        if (await handleAdmin(admin, req, res, url)) return;
        sendJson(res, 404, { error: 'not-found' });
      };
      route().catch((error: unknown) => {
        webhook.log.error('http.failed', { path: url.pathname, error: String(error) });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
        else res.end();
      });
    },
  );
  server.keepAliveTimeout = 65_000;
  return server;
}
