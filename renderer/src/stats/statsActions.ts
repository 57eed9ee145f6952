// The stats overlay's actions: open or close it, load the connected runtime's counts for the
// chosen date range (and goal node), and the CSV export. Date ranges are UTC days, as the runtime
// buckets them (docs/runtime.md).
import type { HostApi, StatsQuery } from '../../../electron/host-api';
import type { CommandContext } from '../commands/command';
import { t } from '../i18n';
import type { StatsRange, StatsView } from '../publish/publishStore';
import { describeHostError } from '../publish/runtimeAnswers';
import { readStats } from '../publish/runtimeReads';

type Context = Pick<CommandContext, 'store' | 'publish'>;

function patch(context: Context, change: Partial<StatsView>): void {
  const { publish } = context;
  publish.setState({ stats: { ...publish.getState().stats, ...change } });
}

/** Shows or hides the overlay; the bar loads the counts when it opens (StatsBar). */
export function toggleStats(context: Context): void {
  patch(context, { open: !context.publish.getState().stats.open, data: null, error: null });
}

export async function setStatsRange(
  context: Context,
  host: HostApi,
  range: StatsRange,
): Promise<void> {
  patch(context, { range });
  await loadStats(context, host);
}

export async function setStatsGoal(
  context: Context,
  host: HostApi,
  goal: string | null,
): Promise<void> {
  patch(context, { goal });
  await loadStats(context, host);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The stats query for a range ending today (UTC); "all" asks for all time. */
export function rangeQuery(range: StatsRange, now: number): Pick<StatsQuery, 'from' | 'to'> {
  const back = { today: 0, '7d': 6, '30d': 29 } as const;
  if (range === 'all') return {};
  return { from: day(now - back[range] * DAY_MS), to: day(now) };
}

/** Loads the counts for the open flow; keeps the last ones shown when the runtime fails. */
export async function loadStats(context: Context, host: HostApi, now = Date.now()): Promise<void> {
  const { stats, connection } = context.publish.getState();
  if (!stats.open) return;
  const known = connection ?? (await host.runtime.connection().catch(() => null));
  if (!known) return patch(context, { error: t('stats.noRuntime') });
  const flowId = context.store.getState().doc.meta.id;
  const query: StatsQuery = { ...rangeQuery(stats.range, now) };
  if (stats.goal) query.goal = stats.goal;
  let body: unknown;
  let note: string | null = null;
  try {
    body = await host.runtime.stats(flowId, query);
  } catch (error) {
    // A runtime without conversion counts refuses the goal, and so does one whose revision has
    // no such node yet (added since the last publish): show the counts without it, saying which.
    const said = String((error as Error).message);
    if (!query.goal || !/\b400\b/.test(said))
      return patch(context, { error: describeHostError(error, known.url).title });
    try {
      body = await host.runtime.stats(flowId, { ...query, goal: undefined });
      note = /goal "[^"]*" is not a node/.test(said)
        ? t('stats.goalNotPublished', { goal: query.goal })
        : t('stats.noConversion');
    } catch (again) {
      return patch(context, { error: describeHostError(again, known.url).title });
    }
  }
  const data = (() => {
    try {
      return readStats(body);
    } catch {
      return null;
    }
  })();
  if (!data) return patch(context, { error: t('stats.cannotRead') });
  // A request for another range or goal may have been made meanwhile: only the current one shows.
  const current = context.publish.getState().stats;
  if (current.range !== stats.range || current.goal !== stats.goal) return;
  patch(context, { data, error: note, updatedAt: now });
}
