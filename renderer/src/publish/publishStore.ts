// The publish feature's view state, one store per designer window (context.publish): the dialog's
// machine state, the runtime connection as the host reports it and the runtime's active revision.
// Kept apart from the document and its history; the draft's own revision is in the derived store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RuntimeConnection } from '../../../electron/host-api';
import type { CompiledFlow } from '../../../flows/schema';
import { publishReducer, type PublishEvent, type PublishState } from './machine';
import type { RevisionInfo, StatsAnswer } from './runtimeReads';

export type ActiveRevision =
  | { state: 'unknown' }
  | { state: 'none'; flowId: string }
  | { state: 'published'; flowId: string; revision: string }
  | { state: 'unreachable'; message: string };

/** The Revisions panel: the runtime's revisions of the open flow, and one compared or shown. */
export interface RevisionsView {
  open: boolean;
  loading: boolean;
  /** Null until loaded. */
  list: RevisionInfo[] | null;
  error: string | null;
  /** A revision compared with the draft, or shown read-only. */
  shown: { mode: 'compare' | 'view'; revision: string; flow: CompiledFlow } | null;
  /** What the last action (a rollback) said. */
  message: { error: boolean; text: string } | null;
}

export const STATS_RANGES = ['today', '7d', '30d', 'all'] as const;
export type StatsRange = (typeof STATS_RANGES)[number];

/** The stats overlay on the canvas. */
export interface StatsView {
  open: boolean;
  range: StatsRange;
  /** The node whose reach counts as conversion for split variants. */
  goal: string | null;
  data: StatsAnswer | null;
  error: string | null;
  /** When the shown counts were fetched (epoch ms). */
  updatedAt: number | null;
}

export interface PublishView {
  /** Null while the dialog is closed. */
  dialog: PublishState | null;
  /** The compiled flow waiting for the user's confirmation. */
  prepared: { flowId: string; json: string } | null;
  /** Undefined until the host has answered. */
  connection: RuntimeConnection | null | undefined;
  active: ActiveRevision;
  revisions: RevisionsView;
  stats: StatsView;
}

export type PublishStore = StoreApi<PublishView> & { dispatch(event: PublishEvent): void };

export function createPublishStore(): PublishStore {
  const store = createStore<PublishView>()(() => ({
    dialog: null,
    prepared: null,
    connection: undefined,
    active: { state: 'unknown' },
    revisions: { open: false, loading: false, list: null, error: null, shown: null, message: null },
    stats: { open: false, range: '7d', goal: null, data: null, error: null, updatedAt: null },
  }));
  return Object.assign(store, {
    dispatch(event: PublishEvent) {
      const dialog = store.getState().dialog;
      if (dialog) store.setState({ dialog: publishReducer(dialog, event) });
    },
  });
}
