// Per-node statistics from a turn (docs/format.md §6 stats): steps entered, steps left (by any
// output: what entered and never left is the drop-off), messages sent, messages dropped (outside
// the 24-hour window, never sent), taps on each button or quick reply, and split variants picked.
import type { EngineAction, TraceEntry } from '../../flows/engine';
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
