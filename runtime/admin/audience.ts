// The audience routes of the admin API (docs/format.md §6): subscribers (list with filters and
// cursor paging, one with their recent conversation, delete), broadcasts (create or preview,
// progress, cancel) and the start-flow API for the shop's own systems. Every start, from a
// broadcast or from here, runs in the subscriber's lane as a `start` event and is sent as UPDATE,
// never with a message tag, and only while the subscriber's window is open.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { VariableValue } from '../../flows/engine';
import { DEFAULT_BROADCAST_RATE, resolveRecipients } from '../audience/broadcasts';
import { Segment, segmentFromQuery } from '../audience/segment';
import { pageOfSegment, segmentSize, subscriberView, unreachableReason } from '../audience/view';
import { parseJsonBody, readBody } from '../http/body';
import { sendJson } from '../http/respond';
import type { Logger } from '../log';
import type { BroadcastRow } from '../store/audience';
import type { Store } from '../store/types';
import type { FlowCache } from '../flow-cache';

export interface AudienceDeps {
  store: Store;
  flows: FlowCache;
  log: Logger;
  now: () => number;
  pageId: string;
  /** The worker looks for new events at once. */
  kick: () => void;
  /** The broadcast runner looks for due broadcasts at once. */
  pokeBroadcasts: () => void;
}

const BODY_LIMIT = 64 * 1024;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function readJson(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const read = await readBody(req, BODY_LIMIT);
  if (!read.ok) {
    sendJson(res, read.code === 'too-large' ? 413 : 400, { error: read.code });
    return { ok: false };
  }
  const json = parseJsonBody(read.body);
  if (!json.ok) {
    sendJson(res, 400, { error: json.code, message: json.message });
    return { ok: false };
  }
  return json;
}

function invalid(res: ServerResponse, error: z.ZodError): void {
  sendJson(res, 400, {
    error: 'invalid-body',
    problems: error.issues.map((i) => ({
      place: '$' + i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join(''),
      message: i.message,
    })),
  });
}

// --- subscribers -------------------------------------------------------------------------------

const LIST_PARAMS = new Set(['tag', 'notTag', 'window', 'limit', 'cursor']);

export async function listSubscribers(
  deps: AudienceDeps,
  query: URLSearchParams,
  res: ServerResponse,
): Promise<void> {
  for (const key of query.keys())
    if (!LIST_PARAMS.has(key) && !key.startsWith('var.'))
      return sendJson(res, 400, {
        error: 'invalid-query',
        message: `unknown parameter "${key}" (tag, notTag, var.NAME, window, limit, cursor)`,
      });
  const segment = segmentFromQuery(query);
  if (!segment.ok) return sendJson(res, 400, { error: 'invalid-query', message: segment.message });
  const limitText = query.get('limit') ?? '50';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    return sendJson(res, 400, {
      error: 'invalid-query',
      message: `limit must be a whole number from 1 to 500, not "${limitText}"`,
    });
  const cursor = query.get('cursor');
  const page = await pageOfSegment(deps.store.audience, deps.pageId, segment.segment, deps.now(), {
    ...(cursor ? { cursor } : {}),
    limit,
  });
  sendJson(res, 200, { subscribers: page.subscribers, next: page.next });
}

export async function getSubscriber(
  deps: AudienceDeps,
  psid: string,
  res: ServerResponse,
): Promise<void> {
  const lane = { pageId: deps.pageId, psid };
  const row = await deps.store.audience.subscriber(lane);
  if (!row) return notFound(res, psid);
  const conversation = await deps.store.audience.conversation(lane, 50);
  sendJson(res, 200, {
    ...subscriberView(row, deps.now()),
    conversation: conversation.map((c) => ({ ...c, at: iso(c.at) })),
  });
}

export async function deleteSubscriber(
  deps: AudienceDeps,
  psid: string,
  res: ServerResponse,
): Promise<void> {
  const deleted = await deps.store.audience.deleteSubscriber({ pageId: deps.pageId, psid });
  if (deleted.sessions === 0 && deleted.events === 0 && deleted.messages === 0)
    return notFound(res, psid);
  deps.log.info('subscriber.deleted', { psid, ...deleted });
  sendJson(res, 200, { psid, deleted });
}

function notFound(res: ServerResponse, psid: string): void {
  sendJson(res, 404, {
    error: 'unknown-subscriber',
    message: `no subscriber with PSID "${psid}" on this Page`,
  });
}

// --- start-flow API ------------------------------------------------------------------------------

const StartBody = z.strictObject({
  psid: z.string().min(1),
  node: z.string().min(1).optional(),
  variables: z.record(z.string(), VariableValue).optional(),
});

/** Why a flow cannot be started for anyone right now (the flow is not the Page's, or the node). */
async function flowProblem(
  deps: AudienceDeps,
  flowId: string,
  node: string | undefined,
): Promise<{ status: number; error: string; message: string } | { node: string }> {
  const active = await deps.flows.active();
  if (!active || active.flowId !== flowId)
    return {
      status: 409,
      error: 'flow-not-active',
      message: active
        ? `flow "${flowId}" is not the one answering the Page ("${active.flowId}" is); publish or roll back to it first`
        : 'no flow is published on this runtime yet',
    };
  const steps = active.flow.steps;
  const target = node ?? active.flow.entries.getStarted ?? active.flow.entries.default;
  if (target === undefined)
    return {
      status: 400,
      error: 'no-node',
      message: `flow "${flowId}" has no Get Started or default trigger; name a "node" to start at`,
    };
  if (!steps.some((s) => s.id === target))
    return {
      status: 400,
      error: 'unknown-node',
      message: `flow "${flowId}" (revision ${active.revision.slice(0, 12)}) has no node "${target}"`,
    };
  return { node: target };
}

const REASON_TEXT: Record<string, string> = {
  'outside-window': 'the 24-hour messaging window is closed',
  handover: 'a person is answering them in the Page Inbox',
};

export async function startFlow(
  deps: AudienceDeps,
  flowId: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const json = await readJson(req, res);
  if (!json.ok) return;
  const parsed = StartBody.safeParse(json.value);
  if (!parsed.success) return invalid(res, parsed.error);
  const { psid, variables } = parsed.data;
  const flow = await flowProblem(deps, flowId, parsed.data.node);
  if (!('node' in flow))
    return sendJson(res, flow.status, { error: flow.error, message: flow.message });
  const now = deps.now();
  const row = await deps.store.audience.subscriber({ pageId: deps.pageId, psid });
  if (!row) return notFound(res, psid);
  const view = subscriberView(row, now);
  const reason = unreachableReason(view);
  if (reason)
    return sendJson(res, 409, {
      error: reason,
      message:
        reason === 'outside-window'
          ? view.lastMessageAt
            ? `${REASON_TEXT[reason]}: they last wrote at ${view.lastMessageAt}, so it closed at ${view.windowOpenUntil}`
            : `${REASON_TEXT[reason]}: they never wrote to the Page`
          : REASON_TEXT[reason],
      windowOpenUntil: view.windowOpenUntil,
    });
  const id = randomUUID();
  await deps.store.insertEvents(
    [
      {
        pageId: deps.pageId,
        psid,
        dedupeKey: `start:${id}`,
        timestamp: now,
        channel: 'start',
        event: {
          start: {
            flowId,
            node: flow.node,
            ...(variables ? { variables } : {}),
            origin: `start:${id}`,
          },
        },
        fromUser: false,
      },
    ],
    now,
  );
  deps.kick();
  deps.log.info('start.queued', { psid, flowId, node: flow.node, id });
  sendJson(res, 202, {
    id,
    psid,
    flowId,
    node: flow.node,
    windowOpenUntil: view.windowOpenUntil,
  });
}

// --- broadcasts ----------------------------------------------------------------------------------

const MAX_RATE = 250;

const BroadcastBody = z.strictObject({
  flowId: z.string().min(1),
  node: z.string().min(1).optional(),
  segment: Segment.optional(),
  variables: z.record(z.string(), VariableValue).optional(),
  /** ISO 8601 time; now when left out. */
  sendAt: z.iso.datetime({ offset: true }).optional(),
  /** Recipients started per second (the Page's shared send rate still paces every message). */
  ratePerSecond: z.number().int().min(1).max(MAX_RATE).optional(),
  /** Only the segment's size and how many it could reach now; nothing is stored or sent. */
  dryRun: z.boolean().optional(),
});

export async function createBroadcast(
  deps: AudienceDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const json = await readJson(req, res);
  if (!json.ok) return;
  const parsed = BroadcastBody.safeParse(json.value);
  if (!parsed.success) return invalid(res, parsed.error);
  const body = parsed.data;
  const flow = await flowProblem(deps, body.flowId, body.node);
  if (!('node' in flow))
    return sendJson(res, flow.status, { error: flow.error, message: flow.message });
  const now = deps.now();
  const segment = body.segment ?? {};
  const size = await segmentSize(deps.store.audience, deps.pageId, segment, now);
  if (body.dryRun) return sendJson(res, 200, { dryRun: true, node: flow.node, segment, ...size });
  const sendAt = body.sendAt ? Date.parse(body.sendAt) : now;
  const broadcast: BroadcastRow = {
    id: randomUUID().replace(/-/g, ''),
    pageId: deps.pageId,
    flowId: body.flowId,
    node: flow.node,
    segment,
    variables: body.variables ?? {},
    rate: body.ratePerSecond ?? DEFAULT_BROADCAST_RATE,
    status: 'scheduled',
    sendAt,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    total: null,
  };
  await deps.store.audience.createBroadcast(broadcast);
  deps.log.info('broadcast.created', { id: broadcast.id, flowId: body.flowId, ...size });
  deps.pokeBroadcasts();
  sendJson(res, 201, { ...(await broadcastView(deps, broadcast)), ...size });
}

async function broadcastView(deps: AudienceDeps, b: BroadcastRow) {
  const counts = await deps.store.audience.recipientCounts(b.id);
  const sum = (status: string) =>
    counts.filter((c) => c.status === status).reduce((n, c) => n + c.count, 0);
  const reasons = (status: string) =>
    Object.fromEntries(
      counts.filter((c) => c.status === status).map((c) => [c.reason ?? 'unknown', c.count]),
    );
  return {
    id: b.id,
    flowId: b.flowId,
    node: b.node,
    segment: b.segment,
    variables: b.variables,
    ratePerSecond: b.rate,
    status: b.status,
    sendAt: iso(b.sendAt),
    createdAt: iso(b.createdAt),
    startedAt: iso(b.startedAt),
    finishedAt: iso(b.finishedAt),
    progress: {
      total: b.total,
      waiting: sum('pending'),
      inProgress: sum('queued') + sum('sending'),
      sent: sum('sent'),
      skipped: sum('skipped'),
      failed: sum('failed'),
      skippedReasons: reasons('skipped'),
      failedReasons: reasons('failed'),
    },
  };
}

export async function getBroadcast(
  deps: AudienceDeps,
  id: string,
  res: ServerResponse,
): Promise<void> {
  let b = await deps.store.audience.broadcast(id);
  if (!b || b.pageId !== deps.pageId) return broadcastNotFound(res, id);
  // A cancelled broadcast has no runner: its last turns settle as they are read.
  if (b.status === 'cancelled') {
    await resolveRecipients(deps.store.audience, b, deps.now());
    b = (await deps.store.audience.broadcast(id))!;
  }
  sendJson(res, 200, await broadcastView(deps, b));
}

export async function cancelBroadcast(
  deps: AudienceDeps,
  id: string,
  res: ServerResponse,
): Promise<void> {
  const b = await deps.store.audience.broadcast(id);
  if (!b || b.pageId !== deps.pageId) return broadcastNotFound(res, id);
  const now = deps.now();
  if (!(await deps.store.audience.finishBroadcast(id, 'cancelled', now)))
    return sendJson(res, 409, {
      error: 'broadcast-finished',
      message: `broadcast "${id}" is already ${b.status}`,
    });
  const cancelled = { ...b, status: 'cancelled' as const };
  await deps.store.audience.cancelRecipients(cancelled, now);
  await resolveRecipients(deps.store.audience, cancelled, now);
  deps.log.info('broadcast.cancelled', { id });
  sendJson(res, 200, await broadcastView(deps, (await deps.store.audience.broadcast(id))!));
}

function broadcastNotFound(res: ServerResponse, id: string): void {
  sendJson(res, 404, { error: 'unknown-broadcast', message: `no broadcast "${id}"` });
}
