// The engine's one entry point (docs/format.md §2): an event, a session and a compiled flow in; the new
// session, what to do and what happened out. Pure: time and randomness come from `ctx`.
import type { CompiledFlow, CompiledStep } from '../schema';
import type { EngineAction, TraceEntry } from './actions';
import { createDraft, type Draft, type StepContext } from './draft';
import { isUserEvent, type EngineEvent } from './events';
import { dispatch } from './dispatch';
import { CONVERSATION_GAP_MS, type Session } from './session';

export { CONVERSATION_GAP_MS } from './session';

export type { StepContext } from './draft';

export interface StepResult {
  session: Session;
  actions: EngineAction[];
  trace: TraceEntry[];
}

export function step(
  flow: CompiledFlow,
  session: Session,
  event: EngineEvent,
  ctx: StepContext,
): StepResult {
  const d = createDraft(flow, session, ctx);
  adoptRevision(d);
  // A comment is no message to the Page: it opens no window (docs/events.md "Comments").
  if (isUserEvent(event) && event.type !== 'comment') noteUserActivity(d);
  if (event.type === 'comment') d.privateReply = { commentId: event.commentId, sent: false };
  dispatch(d, event);
  return { session: d.session, actions: d.actions, trace: d.trace };
}

/**
 * A session continues across republishing: it moves to the new revision, and when the step it
 * waited at is gone it restarts cleanly (the event is then handled as if nothing waited).
 */
function adoptRevision(d: Draft): void {
  if (d.session.flowRevision === d.flow.revision) return;
  d.session.flowRevision = d.flow.revision;
  const wait = d.session.wait;
  // A thread a person took without a handover step waits at no step: nothing to re-check.
  if (wait?.step === undefined) return;
  if (!stillWaits(d.index.steps.get(wait.step), wait)) {
    d.session.wait = null;
    d.trace.push({
      type: 'ignored',
      reason: `the step "${wait.step}" it waited at changed in the new revision`,
    });
  }
}

/** Whether the new revision's step can still take what the session waited for there. */
function stillWaits(at: CompiledStep | undefined, wait: NonNullable<Session['wait']>): boolean {
  if (wait.kind === 'quick_replies')
    return at?.type === 'message' && !!at.data.quickReplies?.length;
  return at?.type === wait.kind;
}

function noteUserActivity(d: Draft): void {
  const { lastUserAt, lastBotAt } = d.session;
  const last = Math.max(lastUserAt ?? -Infinity, lastBotAt ?? -Infinity);
  if (last > -Infinity && d.ctx.now - last >= CONVERSATION_GAP_MS) d.session.disclosureDue = true;
  d.session.lastUserAt = d.ctx.now;
}
