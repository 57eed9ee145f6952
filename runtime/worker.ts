// Runs users' lanes: claims a lane (a lease on one user), sends its due outbox rows in order,
// runs its pending events one at a time through the processor, and lets go. Several lanes run
// at once; one user's events never do.
import type { Logger } from './log';
import type { Metrics } from './metrics';
import { sourceOf } from './audience/source';
import type { Processor, TurnResult } from './processor';
import { deliver, type DeliverDeps } from './send/deliver';
import type { FlowCache } from './flow-cache';
import type { Lane, SessionRecord, Store, StoredEvent } from './store/types';
import type { ProfileFields, UserProfiles } from './user-profiles';

export interface WorkerOptions {
  owner: string;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
}

export class Worker {
  private active = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private claiming = false;
  private again = false;
  private scheduled = false;
  private stopped = true;

  constructor(
    private store: Store,
    private processor: Processor,
    private flows: FlowCache,
    private send: DeliverDeps,
    private log: Logger,
    private metrics: Metrics,
    private options: WorkerOptions,
    private profiles?: UserProfiles,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.active.values()]);
  }

  /** Looks for work soon (a webhook just stored events); kicks within a millisecond share a claim. */
  kick(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.claimNow();
    }, 1);
  }

  /**
   * Kicks unless every one of these users' lanes runs here already: a running lane reads its
   * next event itself, and one that just found none kicks when it lets go, so skipping the claim
   * (a query per webhook under load) loses no event.
   */
  kickUnlessRunning(lanes: Lane[]): void {
    if (lanes.every((l) => this.active.has(`${l.pageId}:${l.psid}`))) return;
    this.kick();
  }

  private claimNow(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    void this.claim()
      .catch((error: unknown) => this.log.error('worker.claim-failed', { error: String(error) }))
      .finally(() => {
        this.claiming = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async claim(): Promise<void> {
    const free = this.options.concurrency - this.active.size;
    if (free <= 0) return;
    const now = this.send.now();
    const lanes = await this.store.claimLanes(this.options.owner, now, this.options.leaseMs, free);
    for (const lane of lanes) {
      const id = `${lane.pageId}:${lane.psid}`;
      const run = this.runLane(lane)
        .catch((error: unknown) =>
          this.log.error('worker.lane-failed', { psid: lane.psid, error: String(error) }),
        )
        .finally(() => {
          this.active.delete(id);
          void this.store.releaseLane(lane, this.options.owner).then(() => this.kick());
        });
      this.active.set(id, run);
    }
  }

  private async runLane(lane: Lane): Promise<void> {
    const { owner, leaseMs } = this.options;
    let leaseUntil = this.send.now() + leaseMs;
    let sendingBlocked = false;
    let lastSentAt: number | undefined;
    // Only this lane's own commits add outbox rows (the lease fences everyone else), so once its
    // outbox was seen empty, the rows pending are counted here instead of queried: one query a
    // message saved. Undefined means not known (a failure may have cancelled rows): ask.
    let pendingRows: number | undefined;
    // The lane is ours while the lease holds, so the session read once stays current.
    let session: SessionRecord | undefined;
    const loadSession = async () => (session ??= await this.store.loadSession(lane));
    // The subscriber's profile, asked for once a lane run and only when an event is to run.
    let user: Promise<ProfileFields> | undefined;
    const loadUser = () => (user ??= this.profiles?.forTurn(lane) ?? Promise.resolve({}));
    // Bounded: a lane gives way after this many steps so one chatty user cannot starve others.
    for (let i = 0; i < 200 && !this.stopped; i++) {
      const now = this.send.now();
      if (leaseUntil - now < leaseMs / 2) {
        if (!(await this.store.renewLane(lane, owner, now + leaseMs))) return;
        leaseUntil = now + leaseMs;
      }
      if (!sendingBlocked && pendingRows !== 0) {
        const row = await this.store.nextOutbox(lane, Number.MAX_SAFE_INTEGER);
        if (row) {
          // A pause (after a typing indicator) counts from the previous send.
          const pausedUntil =
            lastSentAt !== undefined && row.delayMs > 0 ? lastSentAt + row.delayMs : 0;
          if (pausedUntil > row.dueAt) await this.store.delayNextOutbox(lane, pausedUntil);
          if (Math.max(pausedUntil, row.dueAt) > now) sendingBlocked = true;
          else {
            const outcome = await deliver(this.send, row, (await loadSession()).lastUserAt);
            if (outcome === 'later') sendingBlocked = true;
            if (outcome === 'sent') lastSentAt = this.send.now();
            if (pendingRows !== undefined)
              pendingRows = outcome === 'sent' ? pendingRows - 1 : undefined;
          }
          continue;
        }
        pendingRows = 0;
      }
      const event = await this.store.nextEvent(lane);
      if (!event) return;
      const [current, flow, profile] = await Promise.all([
        loadSession(),
        this.flows.active(),
        this.profiles ? loadUser() : undefined,
      ]);
      const result = await this.processor.run({
        flow,
        session: current,
        event,
        now,
        ...(profile ? { user: profile } : {}),
      });
      const lastUserAt = event.fromUser ? event.timestamp : null;
      const committed = await this.store.commitEvent({
        lane,
        owner,
        eventId: event.id,
        status: result.status,
        state: result.state,
        wakeAt: result.wakeAt,
        lastUserAt,
        outbox: result.outbox,
        stats: result.stats,
        now: this.send.now(),
      });
      if (!committed) {
        this.log.warn('worker.fenced', { psid: lane.psid, eventId: event.id });
        return;
      }
      void this.noteAudience(event, current, result).catch((error: unknown) =>
        this.log.error('audience.note-failed', { psid: lane.psid, error: String(error) }),
      );
      if (pendingRows !== undefined) pendingRows += result.outbox.length;
      session = {
        ...current,
        state: result.state,
        wakeAt: result.wakeAt,
        lastUserAt: lastUserAt ?? current.lastUserAt,
      };
      this.metrics.inc('threadline_events_processed_total', 'Events run through the flow.', {
        status: result.status,
      });
    }
  }

  /**
   * The audience hears of a new subscriber and where they came from, and a broadcast of how its
   * recipient's turn went. Off the commit (a lost note costs a subscriber's source or lets the
   * broadcast runner read the result from the outbox instead), and only on those rare turns.
   */
  private async noteAudience(
    event: StoredEvent,
    before: SessionRecord,
    result: TurnResult,
  ): Promise<void> {
    const lane = { pageId: event.pageId, psid: event.psid };
    if (event.channel === 'messaging' && event.fromUser) {
      const source = sourceOf(event.event, event.timestamp);
      if (before.state === null || source)
        await this.store.audience.noteSubscriber(lane, event.timestamp, source);
    }
    if (event.channel !== 'start') return;
    // Broadcast ids hold no colon: `broadcast:<id>:<psid>` (store/audience.ts).
    const broadcastId = /^broadcast:([^:]+):/.exec(event.dedupeKey)?.[1];
    if (broadcastId === undefined) return;
    const sending = result.outbox.some((row) => row.kind === 'message');
    await this.store.audience.setRecipients(
      broadcastId,
      [
        sending
          ? { psid: event.psid, status: 'sending' }
          : { psid: event.psid, status: 'skipped', reason: result.skipReason ?? 'nothing-to-send' },
      ],
      this.send.now(),
      // Never undo what the broadcast runner settled meanwhile (sent, failed, cancelled).
      ['pending', 'queued'],
    );
  }
}
