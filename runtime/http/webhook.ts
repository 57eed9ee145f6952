// GET /webhook (the verification handshake) and POST /webhook (docs/messenger.md §1, docs/format.md §6):
// verify the signature over the raw bytes, store the events durably, answer 200, and only then
// let the worker process them. Every correctly signed JSON object is acknowledged: Messenger
// unsubscribes an app that keeps failing, and a refused batch would lose its good events too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { PolicyStatus } from '../policy';
import type { Lane, Store } from '../store/types';
import { parseJsonBody, readBody } from './body';
import type { InboxBatcher } from './inbox-batch';
import { inboxItemsOf } from './envelope';
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
  policy: PolicyStatus;
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
  const envelope = inboxItemsOf(json.value, deps.pageId, deps.now());
  if (!envelope) return refuse(400, 'not-an-object');
  const { items, ignored, problems, policy } = envelope;
  if (problems.length > 0) deps.log.warn('webhook.odd-items', { problems });
  for (const notice of policy) {
    deps.policy.record(notice);
    deps.metrics.inc(
      'threadline_policy_enforcement_total',
      'Policy enforcement notices from Messenger, by action.',
      { action: notice.action },
    );
    // An error either way: a block silences the Page, an unblock says it was silenced.
    deps.log.error('page.policy-enforcement', {
      action: notice.action,
      reason: notice.reason ?? null,
    });
  }
  let ignoredTotal = 0;
  for (const [kind, count] of ignored) {
    ignoredTotal += count;
    deps.metrics.inc(
      'threadline_webhook_ignored_total',
      'Webhook events not stored, by kind (docs/events.md).',
      { kind },
      count,
    );
  }
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
      ignoredTotal,
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
