// Which canvas nodes the chat went through: the node that ran last, the path of the newest
// exchange (since the tester's last event) and everything visited before. Read from the engine's
// trace, so it shows what really ran, not what the tester expected to run.
import { type SimulatorTurn, isUserEvent } from '../../../flows/engine';

export type HighlightState = 'active' | 'path' | 'visited';

export interface Highlight {
  active: string | null;
  /** Node id to state; nodes never entered are absent. */
  nodes: ReadonlyMap<string, HighlightState>;
  /** "source:handle" of every output taken in the newest exchange. */
  handles: ReadonlySet<string>;
}

export const noHighlight: Highlight = { active: null, nodes: new Map(), handles: new Set() };

export function computeHighlight(turns: readonly SimulatorTurn[]): Highlight {
  const lastUser = findLastIndex(turns, (t) => isUserEvent(t.event));
  const nodes = new Map<string, HighlightState>();
  const handles = new Set<string>();
  let active: string | null = null;
  turns.forEach((turn, index) => {
    const recent = index >= lastUser;
    for (const entry of turn.trace) {
      if (entry.type === 'enter') {
        nodes.set(entry.step, recent ? 'path' : (nodes.get(entry.step) ?? 'visited'));
        if (recent) active = entry.step;
      } else if (entry.type === 'take' && recent) {
        handles.add(`${entry.step}:${entry.handle}`);
      }
    }
  });
  if (active) nodes.set(active, 'active');
  return { active, nodes, handles };
}

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return 0;
}
