import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../../flows/schema';
import { nodeStatsView, statsCsv, type CsvHeads } from './nodeStats';
import { readStats } from '../publish/runtimeReads';
import { rangeQuery } from './statsActions';

const message = {
  id: 'n-ask',
  type: 'message',
  position: { x: 0, y: 0 },
  data: {
    blocks: [{ type: 'text', text: 'Hi' }],
    quickReplies: [
      { id: 'yes', title: 'Yes, "please"' },
      { id: 'no', title: '=HYPERLINK("x")' },
    ],
  },
} as unknown as FlowNode;

const split = {
  id: 'n-split',
  type: 'split',
  position: { x: 0, y: 0 },
  data: {
    variants: [
      { id: 'a', weight: 50 },
      { id: 'b', weight: 50 },
    ],
  },
} as unknown as FlowNode;

const heads: CsvHeads = {
  node: 'node',
  type: 'type',
  output: 'output',
  entered: 'entered',
  sent: 'sent',
  dropped: 'dropped',
  clicks: 'clicks',
  share: 'share',
  dropOff: 'drop-off',
  converted: 'converted',
};

describe('a node’s counts on the canvas', () => {
  it('gives each quick reply its taps and share of entries, and the runtime’s drop-off', () => {
    const view = nodeStatsView(message, {
      entered: 4,
      sent: 4,
      dropped: 1,
      clicked: { 'reply:yes': 3 },
      dropOff: 1,
    });
    expect(view).toMatchObject({ entered: 4, sent: 4, dropped: 1, dropOff: 1 });
    expect(view.outputs.map((o) => [o.handle, o.count, o.share])).toEqual([
      ['reply:yes', 3, 0.75],
      ['reply:no', 0, 0],
    ]);
  });

  it('works the drop-off out from the taps when the runtime does not count it', () => {
    const view = nodeStatsView(message, {
      entered: 5,
      sent: 5,
      dropped: 0,
      clicked: { 'reply:no': 2 },
    });
    expect(view.dropOff).toBe(3);
  });

  it('shows split variants with their picks, share and conversion to the goal', () => {
    const view = nodeStatsView(split, {
      entered: 10,
      sent: 0,
      dropped: 0,
      clicked: {},
      variants: { a: { picked: 6, share: 0.6 }, b: { picked: 4, share: 0.4 } },
      converted: { a: 3 },
    });
    expect(view.outputs.map((o) => [o.label, o.count, o.share, o.conversion])).toEqual([
      ['a · 50%', 6, 0.6, 0.5],
      ['b · 50%', 4, 0.4, 0],
    ]);
    expect(view.dropOff).toBeNull();
  });

  it("reads the runtime's goal answer (runtime/admin/flows.ts) into the split's conversion", () => {
    // The shape GET /api/flows/:flowId/stats?goal=n-bye answers (runtime/admin/stats-goal.test.ts).
    const answer = readStats({
      flowId: 'shop',
      from: null,
      to: null,
      revision: null,
      goal: 'n-bye',
      nodes: {
        'n-split': {
          entered: 5,
          sent: 0,
          dropped: 0,
          clicked: {},
          left: 5,
          dropOff: 0,
          variants: { a: { picked: 3, share: 0.6 }, b: { picked: 2, share: 0.4 } },
          converted: { a: 2, b: 0 },
        },
      },
    });
    const view = nodeStatsView(split, answer.nodes['n-split']);
    expect(view.outputs.map((o) => [o.count, o.converted, o.conversion])).toEqual([
      [3, 2, 2 / 3],
      [2, 0, 0],
    ]);
  });

  it('shows zeros for a node nobody reached', () => {
    const view = nodeStatsView(message, undefined);
    expect(view).toMatchObject({ entered: 0, dropOff: 0 });
    expect(view.outputs.every((o) => o.share === null)).toBe(true);
  });
});

describe('the stats CSV', () => {
  it('has a row per node and per counted output, quoted, with formulas defused', () => {
    const csv = statsCsv(
      [message, split],
      { nodes: { 'n-ask': { entered: 2, sent: 2, dropped: 0, clicked: { 'reply:yes': 1 } } } },
      heads,
    );
    expect(csv.split('\r\n')).toEqual([
      'node,type,output,entered,sent,dropped,drop-off,clicks,share,converted',
      'n-ask,message,,2,2,0,1,,,',
      'n-ask,message,"Yes, ""please""",,,,,1,0.5000,',
      `n-ask,message,"'=HYPERLINK(""x"")",,,,,0,0.0000,`,
      'n-split,split,,0,0,0,,,,',
      'n-split,split,a · 50%,,,,,0,,',
      'n-split,split,b · 50%,,,,,0,,',
      '',
    ]);
  });
});

describe('the date ranges', () => {
  const now = Date.UTC(2026, 10, 29, 23, 30);
  it('are UTC days ending today, or all time', () => {
    expect(rangeQuery('today', now)).toEqual({ from: '2026-11-29', to: '2026-11-29' });
    expect(rangeQuery('7d', now)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(rangeQuery('30d', now)).toEqual({ from: '2026-10-31', to: '2026-11-29' });
    expect(rangeQuery('all', now)).toEqual({});
  });
});
