// Stranded waits: the nodes of the older flow where a session can wait (an input, a message with
// quick replies, a handover, a delay, an http call in flight) that the newer flow removes or
// changes so that the waiting session would not go on as its user expects. The publisher picks
// where such sessions go (the runtime's publish `moves`, docs/format.md §6).
import type { CompiledFlow, CompiledStep } from '../schema';
import type { FlowDiff, StrandedWait } from './schema';

/** Whether a session can wait at this step. */
export function isWaitingStep(step: CompiledStep): boolean {
  switch (step.type) {
    case 'input':
    case 'handover':
    case 'delay':
    case 'http':
      return true;
    case 'message':
      return (step.data.quickReplies?.length ?? 0) > 0;
    default:
      return false;
  }
}

/** The waiting nodes of `before` that `diff` (diffFlows(before, after)) strands, in its order. */
export function strandedWaits(diff: FlowDiff, before: CompiledFlow): StrandedWait[] {
  const removed = new Set(diff.removed);
  const changes = new Map(diff.nodes.map((n) => [n.nodeId, n]));
  const out: StrandedWait[] = [];
  for (const step of before.steps) {
    if (!isWaitingStep(step)) continue;
    const base = { nodeId: step.id, type: step.type };
    if (removed.has(step.id)) {
      out.push({ ...base, reason: 'removed' });
      continue;
    }
    const change = changes.get(step.id);
    if (!change || change.change !== 'changed') continue;
    if (change.typeBefore !== undefined) {
      out.push({ ...base, reason: 'type-changed' });
      continue;
    }
    if (step.type !== 'message') continue;
    const replies = change.items.filter((i) => i.kind === 'quickReply');
    const gone = replies.filter((i) => i.change === 'removed').map((i) => i.id);
    const added = replies.filter((i) => i.change === 'added').length;
    const left = (step.data.quickReplies?.length ?? 0) - gone.length + added;
    if (left === 0) out.push({ ...base, reason: 'no-longer-waits' });
    else if (gone.length > 0) out.push({ ...base, reason: 'replies-removed', replies: gone });
  }
  return out;
}
