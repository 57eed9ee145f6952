// The subscribers' names and locale for the built-in user_* variables, from the User Profile API
// (docs/messenger.md §7): fetched when a subscriber is first seen, kept in the store, refreshed after
// a week. A turn never waits for it longer than a moment: a slow answer is still stored when it
// comes, for the next turn, and an error (no permission, no profile) leaves the template
// fallbacks in place. Each distinct reason is logged once per process, not once per user.
import { z } from 'zod';
import type { UserProfile } from '../flows/engine';
import type { Logger } from './log';
import type { Metrics } from './metrics';
import type { GraphClient } from './send/graph';
import type { Lane, Store, StoredUserProfile } from './store/types';

/** A profile this old is fetched again. */
export const PROFILE_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;
/** After a failed fetch (no permission, no profile, Graph down), ask again after this long. */
export const PROFILE_RETRY_MS = 60 * 60 * 1000;
/** The longest a turn waits for a profile it does not have. */
export const PROFILE_WAIT_MS = 1500;
/** A fetch the turn stopped waiting for may still finish (and be stored) within this. */
const FETCH_TIMEOUT_MS = 10_000;
/** profile_pic is asked for as the API documents it, but not stored: its URL expires. */
const FIELDS = 'first_name,last_name,locale,profile_pic';

const ProfileAnswer = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  locale: z.string().optional(),
});

/** The profile fields the engine's session carries, without the PSID. */
export type ProfileFields = Omit<UserProfile, 'id'>;

export interface UserProfiles {
  /** The subscriber's profile for a turn: what is known within the wait, possibly nothing. */
  forTurn(lane: Lane): Promise<ProfileFields>;
}

export interface UserProfileOptions {
  store: Store;
  graph: GraphClient;
  log: Logger;
  now: () => number;
  metrics?: Metrics;
  waitMs?: number;
  refreshMs?: number;
  retryMs?: number;
}

export function createUserProfiles(options: UserProfileOptions): UserProfiles {
  const { store, graph, log, now } = options;
  const waitMs = options.waitMs ?? PROFILE_WAIT_MS;
  const refreshMs = options.refreshMs ?? PROFILE_REFRESH_MS;
  const retryMs = options.retryMs ?? PROFILE_RETRY_MS;
  const inflight = new Map<string, Promise<StoredUserProfile | undefined>>();
  const logged = new Set<string>();
  const count = (outcome: 'fetched' | 'refused' | 'late') =>
    options.metrics?.inc(
      'threadline_user_profile_fetches_total',
      'User Profile API calls by outcome (late: a turn went on without waiting for it).',
      { outcome },
    );
  const once = (reason: string, fields: Record<string, unknown>) => {
    if (logged.has(reason)) return;
    logged.add(reason);
    log.warn('profile.unavailable', { reason, ...fields });
  };

  const fetchProfile = (lane: Lane, previous: StoredUserProfile | undefined) => {
    const key = `${lane.pageId}\u0000${lane.psid}`;
    const running = inflight.get(key);
    if (running) return running;
    const run = (async (): Promise<StoredUserProfile | undefined> => {
      const result = await graph.get(
        `/${encodeURIComponent(lane.psid)}`,
        { fields: FIELDS },
        FETCH_TIMEOUT_MS,
      );
      let record: StoredUserProfile;
      const parsed = result.ok ? ProfileAnswer.safeParse(result.body) : undefined;
      count(parsed?.success ? 'fetched' : 'refused');
      if (parsed?.success) {
        const p = parsed.data;
        record = {
          firstName: p.first_name ?? null,
          lastName: p.last_name ?? null,
          locale: p.locale ?? null,
          error: null,
          fetchedAt: now(),
        };
      } else {
        const reason =
          'error' in result
            ? `graph-${result.error.code}${result.error.error_subcode ? `/${result.error.error_subcode}` : ''}`
            : 'network' in result
              ? `network-${result.network}`
              : 'unexpected-answer';
        once(reason, {
          psid: lane.psid,
          status: result.status,
          ...('error' in result ? { detail: result.error.message } : {}),
        });
        // What was known stays in use; the error only makes the next try come sooner.
        record = {
          firstName: previous?.firstName ?? null,
          lastName: previous?.lastName ?? null,
          locale: previous?.locale ?? null,
          error: reason,
          fetchedAt: now(),
        };
      }
      await store.saveUserProfile(lane, record);
      return record;
    })()
      .catch((error: unknown) => {
        once('store-failed', { psid: lane.psid, error: String(error) });
        return undefined;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, run);
    return run;
  };

  return {
    async forTurn(lane) {
      let stored: StoredUserProfile | undefined;
      try {
        stored = await store.userProfile(lane);
      } catch (error) {
        once('store-failed', { psid: lane.psid, error: String(error) });
        return {};
      }
      const age = stored ? now() - stored.fetchedAt : Infinity;
      if (stored && age < (stored.error ? retryMs : refreshMs)) return fields(stored);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), waitMs);
      });
      const fetched = await Promise.race([fetchProfile(lane, stored), late]);
      clearTimeout(timer);
      if (fetched === 'late') {
        count('late');
        once('slow', { psid: lane.psid, waitMs });
        return stored ? fields(stored) : {};
      }
      return fields(fetched ?? stored);
    },
  };
}

function fields(p: StoredUserProfile | undefined): ProfileFields {
  if (!p) return {};
  return {
    ...(p.firstName !== null ? { first_name: p.firstName } : {}),
    ...(p.lastName !== null ? { last_name: p.lastName } : {}),
    ...(p.locale !== null ? { locale: p.locale } : {}),
  };
}
