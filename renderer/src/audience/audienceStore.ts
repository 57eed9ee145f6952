// The Audience view's state: the subscriber filters and loaded pages, the one subscriber shown,
// and the broadcast being prepared or watched. One per designer window (module state, like the
// page store); the view reads it with useAudience.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Broadcast, Preview, Subscriber, SubscriberDetail } from './audienceReads';

export interface AudienceFilter {
  /** Comma-separated, as typed. */
  tags: string;
  notTags: string;
  /** `name=value`, as typed. */
  variable: string;
  window: 'any' | 'open' | 'closed';
}

export interface AudienceState {
  open: boolean;
  tab: 'subscribers' | 'broadcast';
  filter: AudienceFilter;
  loading: boolean;
  error: string | null;
  /** null before the first load. */
  rows: Subscriber[] | null;
  next: string | null;
  shown: SubscriberDetail | null;
  shownError: string | null;
  /** A short note after an action (deleted, exported). */
  note: string | null;
  preview: Preview | null;
  broadcast: Broadcast | null;
  broadcastError: string | null;
  busy: boolean;
}

export const EMPTY_FILTER: AudienceFilter = { tags: '', notTags: '', variable: '', window: 'any' };

export const audienceStore = createStore<AudienceState>(() => ({
  open: false,
  tab: 'subscribers',
  filter: EMPTY_FILTER,
  loading: false,
  error: null,
  rows: null,
  next: null,
  shown: null,
  shownError: null,
  note: null,
  preview: null,
  broadcast: null,
  broadcastError: null,
  busy: false,
}));

export function useAudience<T>(select: (s: AudienceState) => T): T {
  return useStore(audienceStore, select);
}

export function patchAudience(change: Partial<AudienceState>): void {
  audienceStore.setState(change);
}
