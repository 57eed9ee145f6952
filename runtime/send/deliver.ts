// Sends one outbox row: the 24-hour window first, then the Page's pacing, then the call; on
// failure it retries with backoff and jitter, pauses the Page on rate limits, and gives up on
// permanent errors with the reason logged.
import { windowOpen } from '../../flows/engine';
import { isPrivateReply } from '../../flows/messenger';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { OutboxRow, Store } from '../store/types';
import { backoffMs, classifyGraphError } from './errors';
import type { GraphClient } from './graph';
import type { SendSlots } from './inflight';
import type { SendPacer } from './ratelimit';

const MAX_ATTEMPTS = 8;

const PATHS = {
  message: '/me/messages',
  sender_action: '/me/messages',
  pass_thread_control: '/me/pass_thread_control',
  take_thread_control: '/me/take_thread_control',
} as const;

export type DeliveryOutcome = 'sent' | 'later' | 'failed';

export interface DeliverDeps {
  store: Store;
  graph: GraphClient;
  pacer: SendPacer;
  /** Caps the calls per Page whose result is not yet stored (the bound on repeats per crash). */
  slots: SendSlots;
  log: Logger;
  metrics: Metrics;
  now: () => number;
  random: () => number;
}

export async function deliver(
  deps: DeliverDeps,
  row: OutboxRow,
  lastUserAt: number | null,
): Promise<DeliveryOutcome> {
  const { store, log, metrics } = deps;
  const lane = { pageId: row.pageId, psid: row.psid };
  const fail = async (reason: string, scope: 'message' | 'user' | 'page') => {
    const now = deps.now();
    await store.markFailed(row.id, now, reason);
    const dropped = scope === 'user' ? await store.cancelOutbox(lane, now, reason) : 0;
    metrics.inc(
      'threadline_sends_failed_total',
      'Sends given up, by reason.',
      { reason },
      1 + dropped,
    );
    log.warn('send.failed', {
      outboxId: row.id,
      psid: row.psid,
      reason,
      dropped,
      attempts: row.attempts + 1,
    });
    return 'failed' as const;
  };

  // The engine already dropped replies due outside the window; this catches rows that waited
  // (retries, pacing) until the window closed.
  // A private reply opens no window and needs none: the engine checked the comment's 7 days.
  if (!isPrivateReply(row.body) && !windowOpen(lastUserAt, deps.now()))
    return fail('outside-window', 'user');

  // The slot is held until the call's result is in the store, whatever it was.
  const release = await deps.slots.acquire(row.pageId);
  let releaseNow = true;
  try {
    await deps.pacer.acquire(row.pageId, row.media);
    const result = await deps.graph.post(PATHS[row.kind], row.body);
    deps.pacer.observe(row.pageId, result.usage);
    if (result.ok) {
      const mid = typeof result.body.message_id === 'string' ? result.body.message_id : null;
      const now = deps.now();
      await store.markSent(row.id, now, mid);
      // A store that queues the mark keeps the slot taken until the mark is written.
      const durable = store.sentDurable?.(row.id);
      if (durable) {
        releaseNow = false;
        void durable.then(release, release);
      }
      metrics.inc('threadline_sends_total', 'Send API calls accepted.', { kind: row.kind });
      return 'sent';
    }

    const verdict =
      'network' in result
        ? { action: 'retry' as const, reason: `network-${result.network}` }
        : classifyGraphError(result.error);
    if (verdict.action === 'give-up') {
      if (verdict.scope === 'page') log.error('send.page-blocked', { reason: verdict.reason });
      return fail(verdict.reason, verdict.scope);
    }
    if (row.attempts + 1 >= MAX_ATTEMPTS) return fail(`${verdict.reason}-gave-up`, 'message');
    const wait = Math.max(backoffMs(row.attempts, deps.random), result.usage.regainMs);
    if (verdict.action === 'throttle') deps.pacer.pause(row.pageId, wait);
    await store.reschedule(row.id, deps.now() + wait, verdict.reason);
    metrics.inc('threadline_send_retries_total', 'Sends scheduled again, by reason.', {
      reason: verdict.reason,
    });
    log.info('send.retry', {
      outboxId: row.id,
      reason: verdict.reason,
      waitMs: wait,
      attempt: row.attempts + 1,
    });
    return 'later';
  } finally {
    if (releaseNow) release();
  }
}
