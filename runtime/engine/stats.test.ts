// trackSplits (goal conversion): a pick is recorded, each later node counts once per pick, a new
// pass through the split starts afresh, another flow's nodes do not count, and the bounds hold.
import { describe, expect, it } from 'vitest';
import { newSession, type TraceEntry } from '../../flows/engine';
import { MAX_REACHED_PER_SPLIT, MAX_SPLIT_ASSIGNMENTS, trackSplits } from './stats';

const enter = (step: string) => ({ type: 'enter', step }) as TraceEntry;
const pick = (step: string, variant: string) =>
  ({ type: 'take', step, handle: `variant:${variant}` }) as TraceEntry;
const keys = (stats: { nodeId: string; key: string; count: number }[]) =>
  stats.map((s) => `${s.nodeId} ${s.key} ${s.count}`);

describe('trackSplits', () => {
  it('leaves a session that never passed a split as it was', () => {
    const session = newSession('r', { id: 'p' });
    const out = trackSplits('shop', 'r', session, [enter('n-a')]);
    expect(out.session).toBe(session);
    expect(out.stats).toEqual([]);
  });

  it('counts each node once per pick, across turns, and afresh after a new pick', () => {
    let session = newSession('r', { id: 'p' });
    let out = trackSplits('shop', 'r', session, [
      enter('n-split'),
      pick('n-split', 'a'),
      enter('n-offer'),
      enter('n-goal'),
      enter('n-goal'),
    ]);
    expect(keys(out.stats)).toEqual(['n-offer reached:n-split:a 1', 'n-goal reached:n-split:a 1']);
    session = out.session;
    out = trackSplits('shop', 'r', session, [enter('n-goal')]);
    expect(out.stats).toEqual([]);
    // Another flow's turn does not count for this flow's pick.
    expect(trackSplits('other', 'r', out.session, [enter('n-x')]).stats).toEqual([]);
    out = trackSplits('shop', 'r', out.session, [
      enter('n-split'),
      pick('n-split', 'b'),
      enter('n-goal'),
    ]);
    // Entering the split again is a node reached after pick a; then pick b counts afresh.
    expect(keys(out.stats)).toEqual(['n-split reached:n-split:a 1', 'n-goal reached:n-split:b 1']);
    expect(out.session.splits).toEqual([
      { flowId: 'shop', split: 'n-split', variant: 'b', reached: ['n-goal'] },
    ]);
  });

  it('keeps the last picks and stops counting a pick past its bound', () => {
    const trace: TraceEntry[] = [];
    for (let i = 0; i <= MAX_SPLIT_ASSIGNMENTS; i++) trace.push(pick(`n-s${i}`, 'a'));
    const out = trackSplits('shop', 'r', newSession('r', { id: 'p' }), trace);
    expect(out.session.splits).toHaveLength(MAX_SPLIT_ASSIGNMENTS);
    expect(out.session.splits![0]!.split).toBe('n-s1');
    const many = [pick('n-s', 'a')];
    for (let i = 0; i < MAX_REACHED_PER_SPLIT + 5; i++) many.push(enter(`n-${i}`));
    const capped = trackSplits('shop', 'r', newSession('r', { id: 'p' }), many);
    expect(capped.stats).toHaveLength(MAX_REACHED_PER_SPLIT);
  });
});
