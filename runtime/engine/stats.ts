// Per-node statistics from a turn (docs/format.md §6 stats): steps entered, steps left (by any
// output: what entered and never left is the drop-off), messages sent, messages dropped (outside
// the 24-hour window, never sent), taps on each button or quick reply, split variants picked, and
// the nodes reached after each pick (trackSplits).
import type { EngineAction, Session, SplitAssignment, TraceEntry } from '../../flows/engine';
import { isMessageAction } from '../../flows/engine';
import type { StatIncrement } from '../store/types';

export function turnStats(
  flowId: string,
  revision: string,
  trace: TraceEntry[],
  actions: EngineAction[],
): StatIncrement[] {
  const counts = new Map<string, StatIncrement>();
  const add = (nodeId: string, key: string) => {
    const id = `${nodeId}\u0000${key}`;
    const existing = counts.get(id);
    if (existing) existing.count++;
    else counts.set(id, { flowId, revision, nodeId, key, count: 1 });
  };
  for (const entry of trace) {
    if (entry.type === 'enter') add(entry.step, 'entered');
    if (entry.type !== 'take') continue;
    add(entry.step, 'left');
    if (/^(button|reply):/.test(entry.handle)) add(entry.step, `clicked:${entry.handle}`);
    if (entry.handle.startsWith('variant:')) add(entry.step, entry.handle);
  }
  for (const action of actions) {
    if (isMessageAction(action) && action.step) add(action.step, 'sent');
    if (action.type === 'dropped' && action.message.step) add(action.message.step, 'dropped');
  }
  return [...counts.values()];
}

/** Splits remembered per session (the oldest pick is forgotten first). */
export const MAX_SPLIT_ASSIGNMENTS = 16;
/** Nodes remembered per pick; a pick that reached more counts no further nodes. */
export const MAX_REACHED_PER_SPLIT = 256;

/** The stats key under the reached node: sessions given `variant` at `split` that got there. */
export const reachedKey = (split: string, variant: string) => `reached:${split}:${variant}`;

/**
 * Goal conversion (docs/format.md §6 `?goal=`): a split's pick is recorded in the session; every
 * node the session enters afterwards in that flow counts once per pick under
 * `reached:<split>:<variant>`, so a goal node's count is how many sessions given each variant
 * got there. Passing the split again is a new pick, counted afresh.
 */
export function trackSplits(
  flowId: string,
  revision: string,
  session: Session,
  trace: TraceEntry[],
): { session: Session; stats: StatIncrement[] } {
  if (!session.splits && !trace.some((e) => e.type === 'take' && isVariant(e.handle)))
    return { session, stats: [] };
  const splits: SplitAssignment[] = (session.splits ?? []).map((a) => ({
    ...a,
    reached: [...a.reached],
  }));
  const counts = new Map<string, StatIncrement>();
  for (const entry of trace) {
    if (entry.type === 'take' && isVariant(entry.handle)) {
      const at = splits.findIndex((a) => a.flowId === flowId && a.split === entry.step);
      if (at >= 0) splits.splice(at, 1);
      splits.push({
        flowId,
        split: entry.step,
        variant: entry.handle.slice('variant:'.length),
        reached: [],
      });
      if (splits.length > MAX_SPLIT_ASSIGNMENTS) splits.shift();
    } else if (entry.type === 'enter') {
      for (const a of splits) {
        if (a.flowId !== flowId || a.reached.length >= MAX_REACHED_PER_SPLIT) continue;
        if (a.reached.includes(entry.step)) continue;
        a.reached.push(entry.step);
        const key = reachedKey(a.split, a.variant);
        const id = `${entry.step}\u0000${key}`;
        const existing = counts.get(id);
        if (existing) existing.count++;
        else counts.set(id, { flowId, revision, nodeId: entry.step, key, count: 1 });
      }
    }
  }
  return { session: { ...session, splits }, stats: [...counts.values()] };
}

const isVariant = (handle: string) => handle.startsWith('variant:');
