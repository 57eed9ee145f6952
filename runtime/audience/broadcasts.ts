// Sends broadcasts (docs/runtime.md "Broadcasts"). Every instance runs a BroadcastRunner; a
// broadcast due is held by one of them at a time (a lease in its row, taken by a conditional
// update, so it works alike on SQLite and on PostgreSQL with several instances). The holder
// snapshots the segment into recipients when the broadcast starts, then hands recipients to
// their lanes as start events at the broadcast's rate: a recipient whose window is closed (or
// whom a person answers in the Page Inbox) at that moment is skipped with the reason. The turn
// itself runs in the recipient's lane like any event, in order with what they write, and its
// replies go through the outbox, paced with the Page's shared send rate like every reply.
// Results come back from the outbox rows the turn made (their origin names the broadcast).
import type { Logger } from '../log';
import {
  broadcastEventKey,
  broadcastOrigin,
  type AudienceStore,
  type BroadcastRow,
  type RecipientStatus,
} from '../store/audience';
import type { Store } from '../store/types';
import { Segment } from './segment';
import { unreachableReason, subscriberView, walkSegment } from './view';

export const DEFAULT_BROADCAST_RATE = 40;
/** At most this many seconds' worth of recipients wait in lanes at once. */
const IN_FLIGHT_SECONDS = 2;

export interface BroadcastRunnerOptions {
  store: Store;
  pageId: string;
  owner: string;
  now: () => number;
  log: Logger;
  /** The worker looks for the new start events. */
  kick: () => void;
  pollMs?: number;
  leaseMs?: number;
}

export class BroadcastRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private held: { broadcast: BroadcastRow; leaseUntil: number } | undefined;
  private credit = 0;
  private lastTick = 0;
  private stopped = true;

  constructor(private options: BroadcastRunnerOptions) {}

  private get audience(): AudienceStore {
    return this.options.store.audience;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.poke(), this.options.pollMs ?? 200);
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    const held = this.held;
    this.held = undefined;
    if (held)
      await this.audience.releaseBroadcast(held.broadcast.id, this.options.owner).catch(() => {});
  }

  /** Runs a tick unless one is running. */
  poke(): void {
    if (this.stopped || this.running) return;
    this.running = this.tick()
      .catch((error: unknown) => {
        this.options.log.error('broadcast.tick-failed', { error: String(error) });
        this.held = undefined;
      })
      .finally(() => (this.running = undefined));
  }

  private async tick(): Promise<void> {
    const { owner, now } = this.options;
    const leaseMs = this.options.leaseMs ?? 30_000;
    const t = now();
    if (!this.held) {
      const broadcast = await this.audience.claimBroadcast(owner, t, leaseMs);
      if (!broadcast) return;
      this.held = { broadcast, leaseUntil: t + leaseMs };
      this.credit = 0;
      this.lastTick = t;
    } else if (this.held.leaseUntil - t < leaseMs / 2) {
      if (!(await this.audience.renewBroadcast(this.held.broadcast.id, owner, t + leaseMs))) {
        this.held = undefined;
        return;
      }
      this.held.leaseUntil = t + leaseMs;
    }
    // Cancelled (through any instance) or finished meanwhile: let go.
    const fresh = await this.audience.broadcast(this.held.broadcast.id);
    if (!fresh || (fresh.status !== 'scheduled' && fresh.status !== 'running')) {
      this.held = undefined;
      return;
    }
    const b = this.held.broadcast;
    if (b.status === 'scheduled') {
      await this.snapshot(b, t);
      return;
    }
    const open = await resolveRecipients(this.audience, b, t);
    // Rate: recipients handed over per second, with at most a second's credit saved up.
    this.credit = Math.min(b.rate, this.credit + ((t - this.lastTick) / 1000) * b.rate);
    this.lastTick = t;
    const room = b.rate * IN_FLIGHT_SECONDS - open;
    const take = Math.floor(Math.min(this.credit, room, 500));
    const pending = take > 0 ? await this.audience.pendingRecipients(b.id, take) : [];
    if (pending.length > 0) await this.handOver(b, pending, t);
    if (pending.length === 0 && open === 0 && (await this.done(b))) {
      await this.audience.finishBroadcast(b.id, 'done', now());
      this.options.log.info('broadcast.done', { id: b.id });
      this.held = undefined;
      this.poke();
    }
  }

  private async done(b: BroadcastRow): Promise<boolean> {
    const counts = await this.audience.recipientCounts(b.id);
    return !counts.some((c) => ['pending', 'queued', 'sending'].includes(c.status) && c.count > 0);
  }

  /** The segment as it is when the broadcast starts becomes its recipients. */
  private async snapshot(b: BroadcastRow, t: number): Promise<void> {
    const segment = Segment.parse(b.segment);
    const psids: string[] = [];
    for await (const view of walkSegment(this.audience, b.pageId, segment, t))
      psids.push(view.psid);
    const started = await this.audience.startBroadcast(b.id, this.options.owner, psids, t);
    if (!started) {
      this.held = undefined;
      return;
    }
    this.held!.broadcast = { ...b, status: 'running', startedAt: t, total: psids.length };
    this.options.log.info('broadcast.started', { id: b.id, recipients: psids.length });
    this.poke();
  }

  /**
   * Each recipient is checked now: a closed window or a person in the Page Inbox skips them;
   * the others get a start event in their lane (its key makes a second hand-over a no-op).
   */
  private async handOver(b: BroadcastRow, psids: string[], t: number): Promise<void> {
    const rows = await this.audience.subscribersByPsid(b.pageId, psids);
    const byPsid = new Map(rows.map((r) => [r.psid, r]));
    const skips: { psid: string; status: RecipientStatus; reason?: string }[] = [];
    const reachable: string[] = [];
    for (const psid of psids) {
      const row = byPsid.get(psid);
      const reason = row ? unreachableReason(subscriberView(row, t)) : 'deleted';
      if (reason) skips.push({ psid, status: 'skipped', reason });
      else reachable.push(psid);
    }
    await this.audience.setRecipients(b.id, skips, t, ['pending']);
    // Queued first and only from pending, so a recipient a cancel just skipped is not started.
    const moved = await this.audience.setRecipients(
      b.id,
      reachable.map((psid) => ({ psid, status: 'queued' as const })),
      t,
      ['pending'],
    );
    const starts = reachable.filter((_, i) => moved[i] === 1);
    if (starts.length > 0) {
      await this.options.store.insertEvents(
        starts.map((psid) => ({
          pageId: b.pageId,
          psid,
          dedupeKey: broadcastEventKey(b.id, psid),
          timestamp: t,
          channel: 'start' as const,
          event: {
            start: {
              flowId: b.flowId,
              node: b.node,
              ...(Object.keys(b.variables).length ? { variables: b.variables } : {}),
              origin: broadcastOrigin(b.id),
            },
          },
          fromUser: false,
        })),
        t,
      );
    }
    this.credit -= psids.length;
    if (starts.length > 0) this.options.kick();
  }
}

/**
 * Settles recipients whose turn ran from their outbox rows: sent when every message went out,
 * failed (with the Send API's reason) when one failed, skipped when the turn sent nothing.
 * Returns how many are still under way. Also used when a cancelled broadcast is read.
 */
export async function resolveRecipients(
  audience: AudienceStore,
  b: BroadcastRow,
  now: number,
): Promise<number> {
  const open = await audience.openRecipients(b, 1000);
  const updates: { psid: string; status: RecipientStatus; reason?: string | null }[] = [];
  let underWay = 0;
  for (const r of open) {
    if (r.failed > 0) updates.push({ psid: r.psid, status: 'failed', reason: r.error });
    else if (r.rows > 0 && r.sent === r.rows) updates.push({ psid: r.psid, status: 'sent' });
    else if (r.rows > 0) {
      underWay++;
      if (r.status !== 'sending') updates.push({ psid: r.psid, status: 'sending' });
    } else if (r.eventStatus === 'pending') underWay++;
    else if (r.status === 'queued' && r.eventStatus === 'done')
      // The turn ran without a message and its note (worker.ts) was lost.
      updates.push({ psid: r.psid, status: 'skipped', reason: 'nothing-to-send' });
    else if (r.eventStatus === null && b.status !== 'cancelled')
      // Queued, but the holder stopped before it stored the start event: hand over again.
      updates.push({ psid: r.psid, status: 'pending' });
    else if (r.eventStatus === null || r.eventStatus === 'skipped')
      updates.push({
        psid: r.psid,
        status: 'skipped',
        reason: b.status === 'cancelled' ? 'cancelled' : 'not-started',
      });
    else underWay++;
  }
  await audience.setRecipients(b.id, updates, now);
  return underWay;
}
