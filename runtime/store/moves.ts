// Sessions in flight across a publish (docs/runtime.md, "Publishing while users wait"): which node
// each session waits at, and where a publish's `moves` send the sessions waiting at nodes the new
// revision removes or changes. Pure; both stores call it inside their publish transaction.
import { isWaitingStep } from '../../flows/diff';
import type { CompiledFlow, CompiledStep } from '../../flows/schema';

/** Old node id → the new node to wait at, or null: the session stops waiting. */
export type Moves = Record<string, string | null>;

/** One session a publish moved, or whose wait it ended. */
export interface SessionMove {
  pageId: string;
  psid: string;
  /** The node it waited at. */
  from: string;
  /** The node it waits at now; null: nothing waits. */
  to: string | null;
  /** What it waited for: input, quick_replies, delay, handover, http. */
  wait: string;
  /** Whether the publish chose this (a move); false: the node is gone and nobody chose. */
  chosen: boolean;
}

interface RawWait {
  kind: string;
  step?: string;
  since?: number;
  dueAt?: number;
}

/** The wait of a stored session state, if it is a readable one at a step. */
function waitOf(state: unknown): RawWait | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const wait = (state as { wait?: unknown }).wait;
  if (!wait || typeof wait !== 'object') return undefined;
  const { kind, step } = wait as RawWait;
  if (typeof kind !== 'string' || typeof step !== 'string') return undefined;
  return wait as RawWait;
}

function revisionOf(state: unknown): string | undefined {
  const revision = (state as { flowRevision?: unknown } | null)?.flowRevision;
  return typeof revision === 'string' ? revision : undefined;
}

/**
 * The node a stored session waits at, when it runs one of `revisions` (the flow's revisions):
 * the counts of GET /api/flows/:flowId/waiting, pending delays included.
 */
export function waitingAt(state: unknown, revisions: ReadonlySet<string>): string | undefined {
  const revision = revisionOf(state);
  if (revision === undefined || !revisions.has(revision)) return undefined;
  return waitOf(state)?.step;
}

/** Sessions waiting per node among stored session rows (waitingAt). */
export function countWaiting(
  rows: Iterable<{ state: unknown }>,
  revisions: ReadonlySet<string>,
): Record<string, number> {
  const nodes: Record<string, number> = {};
  for (const { state } of rows) {
    const at = waitingAt(state, revisions);
    if (at !== undefined) nodes[at] = (nodes[at] ?? 0) + 1;
  }
  return nodes;
}

/** Whether a step can be moved to: one where a session waits for the user or the clock. */
export function isMoveTarget(step: CompiledStep): boolean {
  return isWaitingStep(step) && step.type !== 'http' && step.type !== 'handover';
}

/** Problems with a publish's moves against the flow it publishes; empty when they are fine. */
export function moveProblems(
  flow: CompiledFlow,
  moves: Moves,
): { place: string; message: string }[] {
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  const problems: { place: string; message: string }[] = [];
  for (const [from, to] of Object.entries(moves)) {
    if (to === null) continue;
    const step = steps.get(to);
    const place = `$.moves.${from}`;
    if (!step)
      problems.push({
        place,
        message: `moves "${from}" to "${to}", which is not a node of the published flow`,
      });
    else if (!isMoveTarget(step))
      problems.push({
        place,
        message: `moves "${from}" to "${to}", a ${step.type} node where nobody waits (a session can be moved to an input, a message with quick replies or a delay)`,
      });
  }
  return problems;
}

/** Whether the step of the new revision still takes what the session waited for (as the engine). */
function stillWaits(at: CompiledStep | undefined, kind: string): boolean {
  if (kind === 'quick_replies') return at?.type === 'message' && !!at.data.quickReplies?.length;
  return at?.type === kind;
}

/** The wait at `to` (a move target) for a session that waited as `old`, and its wake-up. */
function waitAt(
  to: CompiledStep,
  old: RawWait,
  now: number,
): { wait: RawWait & { retries?: number }; wakeAt: number | null } {
  if (to.type === 'input')
    return { wait: { kind: 'input', step: to.id, retries: 0 }, wakeAt: null };
  if (to.type === 'delay') {
    // A pending delay keeps its time; any other wait starts the new delay now.
    const dueAt =
      old.kind === 'delay' && typeof old.dueAt === 'number'
        ? old.dueAt
        : now + to.data.seconds * 1000;
    return { wait: { kind: 'delay', step: to.id, dueAt }, wakeAt: dueAt };
  }
  return { wait: { kind: 'quick_replies', step: to.id }, wakeAt: null };
}

const STEPS = new WeakMap<CompiledFlow, Map<string, CompiledStep>>();

/** The flow's steps by id, built once per flow (relocate runs once per waiting session). */
function stepsOf(flow: CompiledFlow): Map<string, CompiledStep> {
  let steps = STEPS.get(flow);
  if (!steps) STEPS.set(flow, (steps = new Map(flow.steps.map((s) => [s.id, s]))));
  return steps;
}

/**
 * What a publish of `flow` does to one stored session, or undefined when it leaves it alone.
 * Touched: sessions of one of the flow's earlier `revisions` that wait at a step named in `moves`,
 * or at a step the new revision removed or changed so that it no longer takes that wait (which
 * then behaves as a move to null, as the engine would do at the next event). A session in a
 * handover stays with the Page Inbox whatever the move: it keeps waiting for the thread to come
 * back, without a step (as when a person took the thread), so nothing follows its return.
 */
export function relocate(
  row: { pageId: string; psid: string; state: unknown; wakeAt: number | null },
  flow: CompiledFlow,
  revisions: ReadonlySet<string>,
  moves: Moves,
  now: number,
): { state: unknown; wakeAt: number | null; move: SessionMove } | undefined {
  const { state } = row;
  const revision = revisionOf(state);
  if (revision === undefined || revision === flow.revision || !revisions.has(revision))
    return undefined;
  const wait = waitOf(state);
  if (!wait) return undefined;
  const from = wait.step!;
  const chosen = Object.hasOwn(moves, from);
  const steps = stepsOf(flow);
  if (!chosen && stillWaits(steps.get(from), wait.kind)) return undefined;
  const target = chosen ? moves[from]! : null;
  const to = target === null ? undefined : steps.get(target);
  let next: { wait: RawWait | null; wakeAt: number | null };
  if (wait.kind === 'handover')
    // The thread is with a person: it stays there, and comes back with nothing to follow.
    next = { wait: { kind: 'handover', since: wait.since ?? now }, wakeAt: null };
  else if (!to) next = { wait: null, wakeAt: null };
  else next = waitAt(to, wait, now);
  return {
    state: { ...(state as object), flowRevision: flow.revision, wait: next.wait },
    wakeAt: next.wakeAt,
    move: {
      pageId: row.pageId,
      psid: row.psid,
      from,
      to: wait.kind === 'handover' ? null : (to?.id ?? null),
      wait: wait.kind,
      chosen,
    },
  };
}
