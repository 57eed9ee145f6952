// What the Audience view does through the host: list subscribers (filtered, page by page), show
// one with their conversation, delete one after a confirmation, export the list as CSV, and
// preview, send, watch and cancel a broadcast.
import type {
  BroadcastRequest,
  HostApi,
  Segment,
  SubscriberQuery,
} from '../../../electron/host-api';
import { t } from '../i18n';
import { describeHostError } from '../publish/runtimeAnswers';
import { confirm, type UiStore } from '../store/uiStore';
import {
  readBroadcast,
  readPreview,
  readSubscriber,
  readSubscriberPage,
  refusalText,
  subscribersCsv,
  type Subscriber,
} from './audienceReads';
import { audienceStore, patchAudience, type AudienceFilter } from './audienceStore';

const PAGE_SIZE = 50;
/** Export reads at most this many pages of 500. */
const EXPORT_PAGES = 200;

const errorText = (error: unknown) => describeHostError(error, null).title;

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The filter as the subscribers route's query; throws naming a malformed variable rule. */
export function filterQuery(filter: AudienceFilter): SubscriberQuery {
  const query: SubscriberQuery = {};
  const tags = splitList(filter.tags);
  const notTags = splitList(filter.notTags);
  if (tags.length > 0) query.tags = tags;
  if (notTags.length > 0) query.notTags = notTags;
  const variable = filter.variable.trim();
  if (variable !== '') {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(variable);
    if (!match) throw new Error(t('audience.badVariable'));
    query.variables = { [match[1]!]: match[2]!.trim() };
  }
  if (filter.window !== 'any') query.window = filter.window;
  return query;
}

/** Opens or closes the view; it loads the first page when it opens (AudiencePanel). */
export function toggleAudience(): void {
  patchAudience({ open: !audienceStore.getState().open });
}

/** Loads the first page for the current filter, or (`more`) the next page after the loaded ones. */
export async function loadSubscribers(host: HostApi, more = false): Promise<void> {
  const state = audienceStore.getState();
  let query: SubscriberQuery;
  try {
    query = filterQuery(state.filter);
  } catch (error) {
    return patchAudience({ error: errorText(error) });
  }
  if (more && !state.next) return;
  patchAudience({ loading: true, note: null, ...(more ? {} : { shown: null }) });
  try {
    const cursor = more ? state.next! : undefined;
    const page = readSubscriberPage(
      await host.runtime.subscribers({ ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    );
    const rows = more
      ? [...(audienceStore.getState().rows ?? []), ...page.subscribers]
      : page.subscribers;
    patchAudience({ loading: false, error: null, rows, next: page.next });
  } catch (error) {
    patchAudience({ loading: false, error: errorText(error) });
  }
}

export async function showSubscriber(host: HostApi, psid: string): Promise<void> {
  try {
    const shown = readSubscriber(await host.runtime.subscriber(psid));
    patchAudience({ shown, shownError: shown ? null : t('audience.gone', { psid }) });
  } catch (error) {
    patchAudience({ shown: null, shownError: errorText(error) });
  }
}

export async function deleteSubscriber(ui: UiStore, host: HostApi, row: Subscriber): Promise<void> {
  const who = row.name ?? row.psid;
  const ok = await confirm(
    ui,
    t('audience.deleteTitle', { who }),
    t('audience.deleteMessage', { who, psid: row.psid }),
    t('audience.deleteConfirm'),
  );
  if (!ok) return;
  try {
    await host.runtime.deleteSubscriber(row.psid);
    const { rows, shown } = audienceStore.getState();
    patchAudience({
      rows: rows?.filter((r) => r.psid !== row.psid) ?? null,
      shown: shown?.psid === row.psid ? null : shown,
      note: t('audience.deleted', { who }),
      error: null,
    });
  } catch (error) {
    patchAudience({ error: errorText(error) });
  }
}

/** Every subscriber the filter selects (all pages), as CSV text. */
export async function exportCsv(host: HostApi): Promise<{ csv: string; count: number } | null> {
  let query: SubscriberQuery;
  try {
    query = filterQuery(audienceStore.getState().filter);
  } catch (error) {
    patchAudience({ error: errorText(error) });
    return null;
  }
  patchAudience({ loading: true, note: null });
  try {
    const rows: Subscriber[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < EXPORT_PAGES; i++) {
      const page = readSubscriberPage(
        await host.runtime.subscribers({ ...query, limit: 500, ...(cursor ? { cursor } : {}) }),
      );
      rows.push(...page.subscribers);
      cursor = page.next;
      if (!cursor) break;
    }
    const heads = {
      psid: t('audience.columns.psid'),
      name: t('audience.columns.name'),
      firstSeen: t('audience.columns.firstSeen'),
      lastMessageAt: t('audience.columns.lastMessage'),
      windowOpenUntil: t('audience.columns.windowUntil'),
      tags: t('audience.columns.tags'),
      source: t('audience.columns.source'),
    };
    patchAudience({ loading: false, note: t('audience.exported', { count: rows.length }) });
    return { csv: subscribersCsv(rows, heads), count: rows.length };
  } catch (error) {
    patchAudience({ loading: false, error: errorText(error) });
    return null;
  }
}

// --- broadcasts ---------------------------------------------------------------------------------

export interface BroadcastDraft {
  node: string;
  tags: string;
  notTags: string;
  rules: { name: string; op: NonNullable<Segment['variables']>[number]['op']; value: string }[];
  /** '' for now, else a `datetime-local` value (the designer's local time). */
  sendAt: string;
  rate: number;
}

export function segmentOf(draft: BroadcastDraft): Segment {
  const segment: Segment = {};
  const tags = splitList(draft.tags);
  const notTags = splitList(draft.notTags);
  if (tags.length > 0) segment.tags = tags;
  if (notTags.length > 0) segment.notTags = notTags;
  const rules = draft.rules
    .filter((r) => r.name.trim() !== '')
    .map((r) =>
      r.op === 'exists' || r.op === 'missing'
        ? { name: r.name.trim(), op: r.op }
        : { name: r.name.trim(), op: r.op, value: r.value },
    );
  if (rules.length > 0) segment.variables = rules;
  return segment;
}

function request(flowId: string, draft: BroadcastDraft, dryRun: boolean): BroadcastRequest {
  const req: BroadcastRequest = { flowId, segment: segmentOf(draft), ratePerSecond: draft.rate };
  if (draft.node) req.node = draft.node;
  if (draft.sendAt && !dryRun) req.sendAt = new Date(draft.sendAt).toISOString();
  if (dryRun) req.dryRun = true;
  return req;
}

export async function previewBroadcast(host: HostApi, flowId: string, draft: BroadcastDraft) {
  patchAudience({ busy: true, broadcastError: null });
  try {
    const result = await host.runtime.broadcast(request(flowId, draft, true));
    if (!result.ok)
      return patchAudience({
        busy: false,
        preview: null,
        broadcastError: refusalText(result.status, result.body),
      });
    patchAudience({ busy: false, preview: readPreview(result.body) });
  } catch (error) {
    patchAudience({ busy: false, preview: null, broadcastError: errorText(error) });
  }
}

export async function sendBroadcast(
  ui: UiStore,
  host: HostApi,
  flowId: string,
  draft: BroadcastDraft,
) {
  const preview = audienceStore.getState().preview;
  const ok = await confirm(
    ui,
    t('broadcast.confirmTitle'),
    draft.sendAt
      ? t('broadcast.confirmLater', { time: new Date(draft.sendAt).toLocaleString() })
      : preview
        ? t('broadcast.confirmNow', { count: preview.reachableNow })
        : t('broadcast.confirmNowUnknown'),
    t('broadcast.send'),
  );
  if (!ok) return;
  patchAudience({ busy: true, broadcastError: null });
  try {
    const result = await host.runtime.broadcast(request(flowId, draft, false));
    if (!result.ok)
      return patchAudience({
        busy: false,
        broadcastError: refusalText(result.status, result.body),
      });
    patchAudience({ busy: false, broadcast: readBroadcast(result.body) });
  } catch (error) {
    patchAudience({ busy: false, broadcastError: errorText(error) });
  }
}

/** Reads the watched broadcast's progress again. */
export async function refreshBroadcast(host: HostApi): Promise<void> {
  const current = audienceStore.getState().broadcast;
  if (!current) return;
  try {
    const fresh = readBroadcast(await host.runtime.broadcastStatus(current.id));
    if (audienceStore.getState().broadcast?.id === current.id) patchAudience({ broadcast: fresh });
  } catch (error) {
    patchAudience({ broadcastError: errorText(error) });
  }
}

export async function cancelBroadcast(ui: UiStore, host: HostApi): Promise<void> {
  const current = audienceStore.getState().broadcast;
  if (!current) return;
  const ok = await confirm(
    ui,
    t('broadcast.cancelTitle'),
    t('broadcast.cancelMessage'),
    t('broadcast.cancel'),
  );
  if (!ok) return;
  try {
    const result = await host.runtime.cancelBroadcast(current.id);
    if (!result.ok && result.status !== 409)
      return patchAudience({ broadcastError: refusalText(result.status, result.body) });
    await refreshBroadcast(host);
  } catch (error) {
    patchAudience({ broadcastError: errorText(error) });
  }
}
