// The runtime's HTTP server: the webhook, then the admin routes; anything else is 404. Errors in
// a handler become a 500 with a logged reason, never a crashed process.
import { createServer, type Server } from 'node:http';
import { handleAdmin, type AdminDeps } from '../admin/routes';
import { sendJson } from './respond';
import { handleVerification, handleWebhook, type WebhookDeps } from './webhook';

export function createRuntimeServer(webhook: WebhookDeps, admin: AdminDeps): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://runtime.local');
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
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
