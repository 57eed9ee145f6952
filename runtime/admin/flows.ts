// The flow routes of the admin API (docs/format.md §6): publish, read, list revisions, roll back, stats.
// A publish is checked against the compiled schema, its revision hash and the compiled-flow
// checker (flows/compile/check.ts: missing steps, entries, limits, loops) before it is stored;
// storing and activating are one transaction, so sessions in flight simply carry on with the
// new revision at their next event.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { checkCompiledFlow, compiledRevision } from '../../flows/compile';
import type { LintFinding } from '../../flows/lint';
import { CompiledFlow, FlowId, Id } from '../../flows/schema';
import type { FlowCache } from '../flow-cache';
import { parseJsonBody, readBody } from '../http/body';
import { sendJson } from '../http/respond';
import type { Logger } from '../log';
import { moveProblems, type Moves } from '../store/moves';
import type { StatsQuery, Store } from '../store/types';
import type { ProfileSync } from './profile';

export const PUBLISH_BODY_LIMIT = 10 * 1024 * 1024;

export interface FlowRoutesDeps {
  store: Store;
  flows: FlowCache;
  profile: ProfileSync;
  log: Logger;
  now: () => number;
}

export interface Problem {
  code: string;
  place: string;
  /** For problems in the flow's graph: the step and its field (`outputs.next`, `data.target`). */
  step?: string;
  field?: string;
  message: string;
}

/** A checker finding as a publish problem: a JSON path into the body, plus the step and field. */
function compiledProblem(flow: CompiledFlow, finding: LintFinding, root: string): Problem {
  const field = finding.field ?? '';
  const index = flow.steps.findIndex((s) => s.id === finding.nodeId);
  const place =
    index >= 0 ? `${root}.steps[${index}]${field ? `.${field}` : ''}` : `${root}.${field}`;
  return {
    code: finding.code,
    place,
    ...(finding.nodeId !== undefined ? { step: finding.nodeId } : {}),
    field,
    message:
      finding.nodeId !== undefined
        ? `step "${finding.nodeId}", ${field}: ${finding.message}`
        : `${field}: ${finding.message}`,
  };
}

const badRequest = (res: ServerResponse, problems: Problem[]) =>
  sendJson(res, 400, { error: 'invalid-flow', problems });

/** A publish body with a choice for the sessions waiting at nodes it removes (docs/format.md §6). */
const PublishWithMoves = z.strictObject({
  compiled: z.unknown(),
  moves: z.record(Id, Id.nullable()).optional(),
});

/** A JSON path as a publish problem's `place`. */
const jsonPath = (root: string, path: readonly PropertyKey[]) =>
  root + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');

export async function publishFlow(
  deps: FlowRoutesDeps,
  flowId: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const read = await readBody(req, PUBLISH_BODY_LIMIT);
  if (!read.ok) return sendJson(res, read.code === 'too-large' ? 413 : 400, { error: read.code });
  const json = parseJsonBody(read.body);
  if (!json.ok) return badRequest(res, [{ code: json.code, place: '$', message: json.message }]);
  // A bare compiled flow, or {"compiled", "moves"} (a compiled flow has no `compiled` field).
  let body = json.value;
  let root = '$';
  let moves: Moves = {};
  if (body && typeof body === 'object' && !Array.isArray(body) && 'compiled' in body) {
    const wrapper = PublishWithMoves.safeParse(body);
    if (!wrapper.success)
      return badRequest(
        res,
        wrapper.error.issues.map((i) => ({
          code: 'schema',
          place: jsonPath('$', i.path),
          message: i.message,
        })),
      );
    body = wrapper.data.compiled;
    moves = wrapper.data.moves ?? {};
    root = '$.compiled';
  }
  const parsed = CompiledFlow.safeParse(body);
  if (!parsed.success)
    return badRequest(
      res,
      parsed.error.issues.map((i) => ({
        code: 'schema',
        place: jsonPath(root, i.path),
        message: i.message,
      })),
    );
  const flow = parsed.data;
  if (flow.flowId !== flowId)
    return badRequest(res, [
      {
        code: 'flow-id-mismatch',
        place: `${root}.flowId`,
        message: `the body is flow "${flow.flowId}", the URL names "${flowId}"`,
      },
    ]);
  // Parsing rebuilds the flow in the schema's key order, the form the revision is computed on.
  const expected = compiledRevision(flow);
  if (expected !== flow.revision)
    return badRequest(res, [
      {
        code: 'revision-mismatch',
        place: `${root}.revision`,
        message: `the content hashes to ${expected}, not ${flow.revision}`,
      },
    ]);
  const broken = checkCompiledFlow(flow);
  if (broken.length > 0)
    return badRequest(
      res,
      broken.map((f) => compiledProblem(flow, f, root)),
    );
  const unmovable = moveProblems(flow, moves);
  if (unmovable.length > 0)
    return badRequest(
      res,
      unmovable.map((p) => ({ code: 'move-target', ...p })),
    );
  const { moved, ...meta } = await deps.store.publish(flow, deps.now(), moves);
  deps.flows.invalidate();
  deps.log.info('flow.published', { flowId, revision: flow.revision });
  // Each session the publish moved, or whose wait at a removed node it ended.
  for (const m of moved)
    deps.log.info(m.chosen ? 'session.moved' : 'session.wait-dropped', {
      flowId,
      revision: flow.revision,
      psid: m.psid,
      from: m.from,
      to: m.to,
      wait: m.wait,
    });
  const profile = await deps.profile.apply(flow);
  const sessions = {
    moved: moved.filter((m) => m.to !== null).length,
    ended: moved.filter((m) => m.to === null).length,
  };
  sendJson(res, 200, { ...meta, sessions, profile });
}

export async function getActive(deps: FlowRoutesDeps, flowId: string, res: ServerResponse) {
  const meta = await deps.store.flowActive(flowId);
  if (!meta) return sendJson(res, 404, { error: 'not-found', message: `no flow "${flowId}"` });
  // The compiled flow comes along when it is the one answering the Page, so the designer can show
  // what a publish would change even when the revision was published from elsewhere.
  const answering = await deps.store.activeFlow();
  const flow =
    answering?.flowId === flowId && answering.revision === meta.revision
      ? answering.flow
      : undefined;
  sendJson(res, 200, flow ? { ...meta, flow } : meta);
}

/** One stored revision with its compiled flow, so a designer can compare with any of them. */
export async function getRevision(
  deps: FlowRoutesDeps,
  flowId: string,
  revision: string,
  res: ServerResponse,
) {
  const found = /^[a-f0-9]{64}$/.test(revision)
    ? await deps.store.revision(flowId, revision)
    : undefined;
  if (!found)
    return sendJson(res, 404, {
      error: 'not-found',
      message: `flow "${flowId}" has no revision ${revision}`,
    });
  sendJson(res, 200, found);
}

/** Sessions waiting per node of the flow, at any of its revisions (pending delays included). */
export async function waitingCounts(deps: FlowRoutesDeps, flowId: string, res: ServerResponse) {
  const waiting = await deps.store.waiting(flowId);
  if (!waiting) return sendJson(res, 404, { error: 'not-found', message: `no flow "${flowId}"` });
  sendJson(res, 200, waiting);
}

export async function listRevisions(deps: FlowRoutesDeps, flowId: string, res: ServerResponse) {
  const revisions = await deps.store.revisions(flowId);
  if (revisions.length === 0)
    return sendJson(res, 404, { error: 'not-found', message: `no flow "${flowId}"` });
  sendJson(res, 200, { flowId, revisions });
}

const RollbackBody = z.strictObject({
  revision: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional(),
});

export async function rollback(
  deps: FlowRoutesDeps,
  flowId: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const read = await readBody(req, 64 * 1024);
  if (!read.ok) return sendJson(res, read.code === 'too-large' ? 413 : 400, { error: read.code });
  const json = read.body.length ? parseJsonBody(read.body) : { ok: true as const, value: {} };
  if (!json.ok) return badRequest(res, [{ code: json.code, place: '$', message: json.message }]);
  const parsed = RollbackBody.safeParse(json.value);
  if (!parsed.success)
    return badRequest(res, [
      { code: 'schema', place: '$.revision', message: 'revision must be a 64-digit hex hash' },
    ]);
  const meta = await deps.store.rollback(flowId, parsed.data.revision, deps.now());
  if (!meta)
    return sendJson(res, 404, {
      error: 'not-found',
      message: parsed.data.revision
        ? `flow "${flowId}" has no revision ${parsed.data.revision}`
        : `flow "${flowId}" has no earlier revision`,
    });
  deps.flows.invalidate();
  deps.log.info('flow.rolled-back', { flowId, revision: meta.revision });
  const active = await deps.store.activeFlow();
  const profile = active ? await deps.profile.apply(active.flow) : { applied: false };
  sendJson(res, 200, { ...meta, profile });
}

const STATS_PARAMS = ['from', 'to', 'revision', 'goal'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` as days since 1970-01-01, or undefined when it is not a real calendar date. */
function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-30 over to March: only a date that round-trips is one.
  return new Date(ms).toISOString().slice(0, 10) === text ? ms / DAY_MS : undefined;
}

/**
 * The stats query string: `from` and `to` (UTC dates, both included) and `revision`; each at
 * most once, nothing else.
 */
function parseStatsQuery(params: URLSearchParams):
  | {
      ok: true;
      from: string | null;
      to: string | null;
      revision: string | null;
      goal: string | null;
      query: StatsQuery;
    }
  | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const one = (name: string) => {
    const values = params.getAll(name);
    if (values.length > 1)
      problems.push({
        code: 'query',
        place: `?${name}`,
        message: `${name} is given more than once`,
      });
    return values[0] ?? null;
  };
  for (const name of new Set(params.keys()))
    if (!STATS_PARAMS.includes(name))
      problems.push({
        code: 'query',
        place: `?${name}`,
        message: `unknown parameter "${name}" (known: from, to, revision, goal)`,
      });
  const query: StatsQuery = {};
  const from = one('from');
  const to = one('to');
  const revision = one('revision');
  const goal = one('goal');
  if (goal !== null && !Id.safeParse(goal).success)
    problems.push({
      code: 'query',
      place: '?goal',
      message: `goal must be a node id (letters, digits, "_", "-"), got "${goal}"`,
    });
  for (const [name, text] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (text === null) continue;
    const day = parseDay(text);
    if (day === undefined)
      problems.push({
        code: 'query',
        place: `?${name}`,
        message: `${name} must be a date as YYYY-MM-DD (UTC), got "${text}"`,
      });
    else if (name === 'from') query.fromDay = day;
    else query.toDay = day;
  }
  if (query.fromDay !== undefined && query.toDay !== undefined && query.fromDay > query.toDay)
    problems.push({
      code: 'query',
      place: '?from',
      message: `from (${from}) is after to (${to})`,
    });
  if (revision !== null) {
    if (/^[a-f0-9]{64}$/.test(revision)) query.revision = revision;
    else
      problems.push({
        code: 'query',
        place: '?revision',
        message: `revision must be a 64-digit hex hash, got "${revision}"`,
      });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, from, to, revision, goal, query };
}

/** One node's counts in the stats answer (docs/format.md §6). */
interface NodeStats {
  entered: number;
  sent: number;
  dropped: number;
  clicked: Record<string, number>;
  /** Times the node was left by any output; counted since the runtime that added it. */
  left: number;
  /** Entered and never went on: entered - left (a question nobody answered, a flow's end). */
  dropOff: number;
  /** Split nodes: each variant's picks and its share of all picks (0 to 1). */
  variants?: Record<string, { picked: number; share: number }>;
  /** Split nodes, with `?goal=`: per variant, the sessions given it that then reached the goal. */
  converted?: Record<string, number>;
}

/**
 * Whether `goal` names a node: a step of the asked revision (the active one when none is asked),
 * or a node the counts know (one a later publish removed).
 */
async function knownGoal(
  deps: FlowRoutesDeps,
  flowId: string,
  revision: string | null,
  goal: string,
  rows: { nodeId: string }[],
): Promise<boolean> {
  if (rows.some((row) => row.nodeId === goal)) return true;
  const asked = revision ?? (await deps.store.flowActive(flowId))?.revision;
  if (!asked) return false;
  const stored = await deps.store.revision(flowId, asked);
  return stored?.flow.steps.some((s) => s.id === goal) ?? false;
}

/**
 * Per-node counts summed over the daily buckets: all time and every revision by default, or the
 * days from `from` to `to` (UTC, both included) and one revision. The answer repeats what was
 * applied (null: not limited).
 */
export async function flowStats(
  deps: FlowRoutesDeps,
  flowId: string,
  params: URLSearchParams,
  res: ServerResponse,
) {
  const parsed = parseStatsQuery(params);
  if (!parsed.ok) return sendJson(res, 400, { error: 'invalid-query', problems: parsed.problems });
  const rows = await deps.store.stats(flowId, parsed.query);
  const { from, to, revision, goal } = parsed;
  if (goal !== null && !(await knownGoal(deps, flowId, revision, goal, rows)))
    return sendJson(res, 400, {
      error: 'invalid-query',
      problems: [
        {
          code: 'query',
          place: '?goal',
          message: `goal "${goal}" is not a node of flow "${flowId}"${revision ? ` at revision ${revision}` : ''}`,
        },
      ],
    });
  const nodes: Record<string, NodeStats> = {};
  const reached: { split: string; variant: string; count: number }[] = [];
  for (const row of rows) {
    if (row.key.startsWith('reached:')) {
      if (row.nodeId !== goal) continue;
      const [, split, variant] = row.key.split(':');
      if (split && variant) reached.push({ split, variant, count: row.count });
      continue;
    }
    const node = (nodes[row.nodeId] ??= {
      entered: 0,
      sent: 0,
      dropped: 0,
      clicked: {},
      left: 0,
      dropOff: 0,
    });
    if (row.key === 'entered') node.entered = row.count;
    else if (row.key === 'sent') node.sent = row.count;
    else if (row.key === 'dropped') node.dropped = row.count;
    else if (row.key === 'left') node.left = row.count;
    else if (row.key.startsWith('clicked:'))
      node.clicked[row.key.slice('clicked:'.length)] = row.count;
    else if (row.key.startsWith('variant:'))
      (node.variants ??= {})[row.key.slice('variant:'.length)] = { picked: row.count, share: 0 };
  }
  for (const node of Object.values(nodes)) {
    node.dropOff = Math.max(0, node.entered - node.left);
    const variants = Object.values(node.variants ?? {});
    const total = variants.reduce((sum, v) => sum + v.picked, 0);
    for (const v of variants) v.share = total > 0 ? v.picked / total : 0;
    if (goal !== null && node.variants)
      node.converted = Object.fromEntries(Object.keys(node.variants).map((id) => [id, 0]));
  }
  for (const { split, variant, count } of reached) {
    const node = nodes[split];
    if (node?.converted) node.converted[variant] = count;
  }
  sendJson(res, 200, { flowId, from, to, revision, goal, nodes });
}

export const isFlowId = (value: string) => FlowId.safeParse(value).success;
