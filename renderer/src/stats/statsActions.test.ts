import { describe, expect, it } from 'vitest';
import { HostError, type HostApi, type StatsQuery } from '../../../electron/host-api';
import type { CommandContext } from '../commands/command';
import { createPublishStore } from '../publish/publishStore';
import { loadStats, setStatsGoal, toggleStats } from './statsActions';

const NOW = Date.UTC(2026, 10, 29, 12);

function setup(answer: (query: StatsQuery) => Promise<unknown>) {
  const publish = createPublishStore();
  publish.setState({ connection: { url: 'http://127.0.0.1:1', hasToken: true } });
  const store = { getState: () => ({ doc: { meta: { id: 'shop' } } }) };
  const context = { publish, store } as unknown as Pick<CommandContext, 'store' | 'publish'>;
  const queries: StatsQuery[] = [];
  const host = {
    runtime: {
      stats: async (_flowId: string, query: StatsQuery) => {
        queries.push(query);
        return answer(query);
      },
    },
  } as unknown as HostApi;
  return { publish, context, host, queries };
}

const counts = { nodes: { 'n-welcome': { entered: 3, sent: 3, dropped: 0, clicked: {} } } };

describe('loading the stats overlay', () => {
  it('asks for the chosen range and keeps the counts', async () => {
    const { publish, context, host, queries } = setup(async () => counts);
    toggleStats(context);
    await loadStats(context, host, NOW);
    expect(queries).toEqual([{ from: '2026-11-23', to: '2026-11-29' }]);
    expect(publish.getState().stats).toMatchObject({ data: counts, error: null, updatedAt: NOW });
  });

  it('shows the counts without conversion when the runtime refuses the goal', async () => {
    const { publish, context, host, queries } = setup(async (query) => {
      if (query.goal)
        throw new HostError('runtime-error', 'x', 'The runtime answered 400: unknown parameter');
      return counts;
    });
    toggleStats(context);
    await setStatsGoal(context, host, 'n-bye');
    expect(queries.map((q) => q.goal)).toEqual(['n-bye', undefined]);
    expect(publish.getState().stats).toMatchObject({
      data: counts,
      error: 'This runtime does not count conversions to a goal yet.',
    });
  });

  it('says the goal node is not published yet when the runtime does not know it', async () => {
    const { publish, context, host, queries } = setup(async (query) => {
      if (query.goal)
        throw new HostError(
          'runtime-error',
          'x',
          'The runtime answered 400: goal "n-new" is not a node of flow "shop"',
        );
      return counts;
    });
    toggleStats(context);
    await setStatsGoal(context, host, 'n-new');
    expect(queries.map((q) => q.goal)).toEqual(['n-new', undefined]);
    expect(publish.getState().stats).toMatchObject({
      data: counts,
      error:
        'The runtime does not know the goal node n-new yet: publish the flow to count conversions to it.',
    });
  });

  it('names an answer it cannot read, keeping the last counts', async () => {
    let body: unknown = counts;
    const { publish, context, host } = setup(async () => body);
    toggleStats(context);
    await loadStats(context, host, NOW);
    body = { nodes: { 'n-welcome': { entered: -1 } } };
    await loadStats(context, host, NOW + 1);
    expect(publish.getState().stats).toMatchObject({
      data: counts,
      error: 'The runtime sent stats this app cannot read.',
      updatedAt: NOW,
    });
  });
});
