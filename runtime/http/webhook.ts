// GET /webhook (the verification handshake) and POST /webhook (MESSENGER.md §1, FORMAT §6):
// verify the signature over the raw bytes, store the events durably, answer 200, and only then
// let the worker process them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { Lane, Store } from '../store/types';
import { parseJsonBody, readBody } from './body';
import type { InboxBatcher } from './inbox-batch';
import { inboxItemsOf, WebhookBody } from './envelope';
import { sendText } from './respond';
import { secretsEqual, verifySignature } from './signature';

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface WebhookDeps {
  store: Store;
  pageId: string;
  appSecret: string;
  verifyToken: string;
  log: Logger;
  metrics: Metrics;
  now: () => number;
  /** The events of these users are stored (one entry an event). */
  onStored: (lanes: Lane[]) => void;
  inbox: InboxBatcher;
}

export function handleVerification(deps: WebhookDeps, url: URL, res: ServerResponse): void {
  const mode = url.searchParams.get('hub.mode');
  const token = url.searchParams.get('hub.verify_token') ?? '';
  const challenge = url.searchParams.get('hub.challenge') ?? '';
  if (mode === 'subscribe' && secretsEqual(token, deps.verifyToken)) {
    deps.log.info('webhook.verified');
    sendText(res, 200, challenge);
    return;
  }
  deps.log.warn('webhook.verification-refused', { mode });
  sendText(res, 403, 'Forbidden');
}

export async function handleWebhook(
  deps: WebhookDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const refuse = (status: number, reason: string) => {
    deps.metrics.inc('threadline_webhooks_refused_total', 'Webhook requests refused.', { reason });
    deps.log.warn('webhook.refused', { status, reason });
    sendText(res, status, reason);
  };
  const read = await readBody(req, WEBHOOK_BODY_LIMIT);
  if (!read.ok) return refuse(read.code === 'too-large' ? 413 : 400, read.code);
  const signature = req.headers['x-hub-signature-256'];
  if (
    !verifySignature(read.body, Array.isArray(signature) ? signature[0] : signature, deps.appSecret)
  )
    return refuse(401, 'bad-signature');
  const json = parseJsonBody(read.body);
  if (!json.ok) return refuse(400, json.code === 'too-deep' ? 'json-too-deep' : 'malformed-json');
  const parsed = WebhookBody.safeParse(json.value);
  if (!parsed.success) return refuse(400, 'malformed-envelope');
  if (parsed.data.object !== 'page') return refuse(404, 'not-a-page-event');
  const { items, ignored } = inboxItemsOf(parsed.data, deps.pageId);
  try {
    const stored = await deps.store.insertEvents(items, deps.now());
    deps.metrics.inc(
      'threadline_webhook_events_total',
      'Webhook events by outcome.',
      { outcome: 'stored' },
      stored,
    );
    deps.metrics.inc(
      'threadline_webhook_events_total',
      'Webhook events by outcome.',
      { outcome: 'duplicate' },
      items.length - stored,
    );
    deps.metrics.inc(
      'threadline_webhook_events_total',
      'Webhook events by outcome.',
      { outcome: 'ignored' },
      ignored,
    );
  } catch (error) {
    // Not stored means not acknowledged: Messenger delivers it again.
    deps.log.error('webhook.store-failed', { error: String(error) });
    sendText(res, 500, 'store-unavailable');
    return;
  }
  sendText(res, 200, 'EVENT_RECEIVED');
  deps.metrics.observeAck(performance.now() - started);
  deps.onStored(items);
}
