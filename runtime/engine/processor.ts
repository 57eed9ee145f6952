// The runtime's Processor on top of flows/: Messenger's raw event becomes engine events
// (flows/messenger), the engine steps (flows/engine), HTTP nodes run here with their timeout, and
// the actions become outbox rows (Send API bodies, typing pauses, handover).
import { z } from 'zod';
import {
  CONVERSATION_GAP_MS,
  VariableValue,
  migrateSession,
  newSession,
  windowOpen,
  step,
  type Session,
  type EngineAction,
  type EngineEvent,
  type TraceEntry,
} from '../../flows/engine';
import {
  messagingTypeFor,
  passThreadControlBody,
  sendBody,
  takeThreadControlBody,
  webhookToEvents,
} from '../../flows/messenger';
import { missingSecretsMessage, resolveSecrets, type SecretLookup } from '../../flows';
import type { Logger } from '../log';
import type { Processor, TurnInput, TurnResult } from '../processor';
import { UnparsedState } from '../store/rows';
import type { ActiveFlow, NewOutbox, StoredEvent } from '../store/types';
import { performHttp } from './http-node';
import { trackSplits, turnStats } from './stats';

const MAX_HTTP_PER_TURN = 10;

export interface EngineProcessorOptions {
  log: Logger;
  now: () => number;
  random: () => number;
  /** Our app id, so a handover to some other app is not taken for a return. */
  appId?: string;
  /** The value of a named secret for HTTP nodes (THREADLINE_SECRET_<NAME>), if set. */
  secrets?: SecretLookup;
}

export function createEngineProcessor(options: EngineProcessorOptions): Processor {
  const { log } = options;
  const unreadable = new OncePerUser();
  // Sessions this processor returned: the worker hands them back for the lane's next event, and
  // what the engine made needs no second validation (the schema check cost more than the step).
  const produced = new WeakSet<object>();
  return {
    async run(input: TurnInput): Promise<TurnResult> {
      const { flow, session, event } = input;
      const unchanged: TurnResult = {
        status: 'skipped',
        state: session.state,
        wakeAt: session.wakeAt,
        outbox: [],
        stats: [],
      };
      if (!flow) {
        log.warn('turn.no-active-flow', { psid: event.psid });
        return unchanged;
      }
      const read: SessionRead =
        typeof session.state === 'object' && session.state !== null && produced.has(session.state)
          ? { ok: true, session: session.state as Session }
          : readSession(session.state, flow.revision, event.psid);
      if (!read.ok && unreadable.first(event.pageId, event.psid))
        log.error('session.unreadable', { psid: event.psid, reason: read.reason });
      let current = read.session;
      // The profile as known now (refreshed weekly); without one the templates' fallbacks apply.
      if (input.user) current = { ...current, user: { ...input.user, id: current.user.id } };
      // The store also hears the user write while the Page Inbox owns the thread (standby
      // events the engine never sees): the window counts from the later of the two.
      if (session.lastUserAt !== null && session.lastUserAt > (current.lastUserAt ?? -Infinity))
        current = { ...current, lastUserAt: session.lastUserAt };
      const start = event.channel === 'start' ? readStart(event.event) : undefined;
      if (event.channel === 'start') {
        const reason = startRefusal(start, flow, current, input.now);
        if (reason) {
          log.info('start.skipped', { psid: event.psid, reason });
          return { ...unchanged, skipReason: reason };
        }
      }
      const events = start
        ? [
            {
              type: 'start' as const,
              step: start.node,
              ...(start.variables ? { variables: start.variables } : {}),
            },
          ]
        : engineEvents(event, current, options.appId, log);
      if (events.length === 0) return unchanged;

      const outbox: NewOutbox[] = [];
      const actions: EngineAction[] = [];
      const trace: TraceEntry[] = [];
      let pauseMs = 0;
      let httpCalls = 0;
      const queue: EngineEvent[] = [...events];
      for (let i = 0; i < 50 && queue.length > 0; i++) {
        const engineEvent = queue.shift()!;
        const result = step(flow.flow, current, engineEvent, {
          now: options.now(),
          random: options.random,
        });
        current = result.session;
        actions.push(...result.actions);
        trace.push(...result.trace);
        const messagingType = messagingTypeFor(engineEvent);
        for (const action of result.actions) {
          if (action.type === 'pause') pauseMs += action.ms;
          else if (action.type === 'log')
            log.log(action.level === 'warning' ? 'warn' : action.level, 'flow.log', {
              code: action.code,
              step: action.step,
            });
          else if (action.type === 'dropped')
            log.info('send.dropped', {
              psid: event.psid,
              step: action.message.step,
              reason: action.reason,
            });
          else if (action.type === 'handover') {
            outbox.push({
              kind: 'pass_thread_control',
              body: passThreadControlBody(event.psid, action.note),
              media: false,
              delayMs: pauseMs,
            });
            pauseMs = 0;
          } else if (action.type === 'take_thread_control') {
            // Before the replies of this turn: Messenger refuses them until the thread is ours.
            outbox.push({
              kind: 'take_thread_control',
              body: takeThreadControlBody(event.psid),
              media: false,
              delayMs: pauseMs,
            });
            pauseMs = 0;
          } else if (action.type === 'http_request') {
            if (++httpCalls > MAX_HTTP_PER_TURN) {
              log.error('turn.too-many-http', { psid: event.psid, step: action.step });
              continue;
            }
            // Secrets are filled in here, at request time, and nowhere else (flows/secrets.ts).
            const resolved = resolveSecrets(action, options.secrets ?? (() => undefined));
            if (!resolved.ok) {
              const reason = missingSecretsMessage(resolved.missing, 'env');
              log.error('http.missing-secret', { psid: event.psid, step: action.step, reason });
              queue.unshift({ type: 'http_result', requestId: action.requestId, error: reason });
              continue;
            }
            // The engine waits for this answer; a late answer to an older request it ignores.
            queue.unshift(await performHttp(resolved.request));
          } else {
            const body = sendBody(action, event.psid, messagingType);
            if (!body) continue;
            const media =
              action.type === 'send_media' &&
              (action.mediaType === 'audio' || action.mediaType === 'video');
            outbox.push({
              kind: 'sender_action' in body ? 'sender_action' : 'message',
              body,
              media,
              delayMs: pauseMs,
            });
            pauseMs = 0;
          }
        }
      }
      if (start?.origin) for (const row of outbox) row.origin = start.origin;
      const skipReason =
        start && !outbox.some((row) => row.kind === 'message')
          ? actions.some((a) => a.type === 'dropped')
            ? 'outside-window'
            : current.wait?.kind === 'handover'
              ? 'handover'
              : 'nothing-to-send'
          : undefined;
      const wait = current.wait;
      // An unreadable session stays as it was stored: this turn ran on a fresh one.
      if (!read.ok)
        return {
          ...unchanged,
          status: 'done',
          outbox,
          stats: turnStats(flow.flowId, flow.revision, trace, actions),
        };
      const tracked = trackSplits(flow.flowId, flow.revision, current, trace);
      current = tracked.session;
      produced.add(current);
      return {
        status: 'done',
        state: current,
        wakeAt: wait?.kind === 'delay' ? wait.dueAt : null,
        outbox,
        stats: [...turnStats(flow.flowId, flow.revision, trace, actions), ...tracked.stats],
        ...(skipReason ? { skipReason } : {}),
      };
    },
  };
}

/** A stored start event: `{ start: { flowId, node, variables?, origin? } }` (runtime/audience). */
export interface StartRequest {
  flowId: string;
  node: string;
  variables?: Record<string, VariableValue>;
  origin?: string;
}

const StartEvent = z.object({
  start: z.object({
    flowId: z.string(),
    node: z.string(),
    variables: z.record(z.string(), VariableValue).optional(),
    origin: z.string().optional(),
  }),
});

function readStart(event: unknown): StartRequest | undefined {
  const parsed = StartEvent.safeParse(event);
  return parsed.success ? parsed.data.start : undefined;
}

/**
 * Why a start cannot run now, checked before the engine moves the session: the same reasons the
 * start-flow API answers 409 with, as they stand when the subscriber's turn comes.
 */
function startRefusal(
  start: StartRequest | undefined,
  flow: ActiveFlow,
  session: Session,
  now: number,
): string | undefined {
  if (!start) return 'malformed-start';
  if (start.flowId !== flow.flowId) return 'flow-not-active';
  if (!flow.flow.steps.some((s) => s.id === start.node)) return 'unknown-node';
  if (!windowOpen(session.lastUserAt, now)) return 'outside-window';
  const wait = session.wait;
  if (wait?.kind === 'handover' && now - wait.since < CONVERSATION_GAP_MS) return 'handover';
  return undefined;
}

type SessionRead = { ok: true; session: Session } | { ok: false; session: Session; reason: string };

/**
 * The stored session brought to today's version; none yet is a new one. One that cannot be read
 * (broken, or written by a newer runtime) gives a fresh session for this turn only, with the
 * reason: the caller keeps the stored one untouched (docs/runtime.md, "Stored sessions").
 */
function readSession(state: unknown, revision: string, psid: string): SessionRead {
  if (state === null || state === undefined)
    return { ok: true, session: newSession(revision, { id: psid }) };
  if (state instanceof UnparsedState)
    return {
      ok: false,
      session: newSession(revision, { id: psid }),
      reason: 'the stored session is not valid JSON',
    };
  const migrated = migrateSession(state);
  if (migrated.ok) return { ok: true, session: migrated.session };
  return { ok: false, session: newSession(revision, { id: psid }), reason: migrated.reason };
}

/** Remembers which users were already reported, so a stuck session logs once, not every turn. */
class OncePerUser {
  private seen = new Set<string>();
  first(pageId: string, psid: string): boolean {
    const key = `${pageId}\u0000${psid}`;
    if (this.seen.has(key)) return false;
    if (this.seen.size >= 10_000) this.seen.clear();
    this.seen.add(key);
    return true;
  }
}

/** The engine events one stored event stands for. Stale timers stand for none. */
function engineEvents(
  event: StoredEvent,
  session: Session,
  appId: string | undefined,
  log: Logger,
): EngineEvent[] {
  if (event.channel === 'timer') {
    const dueAt = (event.event as { timer?: { dueAt?: number } }).timer?.dueAt;
    const wait = session.wait;
    if (wait?.kind !== 'delay' || wait.dueAt !== dueAt) return [];
    return [{ type: 'resume', step: wait.step, dueAt }];
  }
  const body = { object: 'page', entry: [{ id: event.pageId, messaging: [event.event] }] };
  const result = webhookToEvents(body, appId ? { appId } : {});
  if (!result.ok) {
    log.warn('turn.malformed-event', { psid: event.psid, reason: result.message });
    return [];
  }
  for (const ignored of result.ignored)
    log.info('turn.ignored-event', { psid: event.psid, reason: ignored.reason });
  return result.events.map((e) => e.event);
}
