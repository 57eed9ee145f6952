// Makes the Page's Messenger Profile (get started, greeting, persistent menu, ice breakers) equal
// the active flow's: one POST sets the fields the flow has, one DELETE removes the ones it has
// not (a stale menu would lead to nodes that no longer exist). Calls are made only when the
// profile differs from the last one applied: the Profile API allows 10 calls per 10 minutes per
// Page (docs/messenger.md §4).
import { z } from 'zod';
import { sha256Hex } from '../../flows';
import { MANAGED_PROFILE_FIELDS } from '../../flows/messenger';
import type { CompiledFlow } from '../../flows/schema';
import type { Logger } from '../log';
import type { GraphClient, GraphResult } from '../send/graph';
import type { Store } from '../store/types';
import { canonicalJson } from './canonical';

export type ProfileOutcome =
  | { applied: true; set: string[]; removed: string[] }
  | { applied: false; reason: 'unchanged' }
  | { applied: false; reason: 'refused'; code: number; message: string };

export interface ProfileSync {
  apply(flow: CompiledFlow): Promise<ProfileOutcome>;
}

/**
 * What was last applied to the Page: the hash of the profile (empty when the last attempt did not
 * finish) and the managed fields that may be on the Page.
 */
const Applied = z.object({ hash: z.string(), fields: z.array(z.string()) });
type Applied = z.infer<typeof Applied>;

export function createProfileSync(deps: {
  store: Store;
  graph: GraphClient;
  log: Logger;
  pageId: string;
  buildProfile: (flow: CompiledFlow) => Record<string, unknown>;
}): ProfileSync {
  const settingKey = `profile:${deps.pageId}`;
  /** Before DELETE was supported only the hash was kept, under this key. */
  const legacyKey = `profile_hash:${deps.pageId}`;
  const managed: readonly string[] = MANAGED_PROFILE_FIELDS;

  async function lastApplied(hash: string): Promise<Applied | undefined> {
    const stored = await deps.store.getSetting(settingKey);
    if (stored !== undefined) {
      try {
        const parsed = Applied.safeParse(JSON.parse(stored));
        if (parsed.success) return parsed.data;
      } catch {
        // Unreadable: treated as unknown, so the next apply sets and removes everything.
      }
      return undefined;
    }
    // Written by an older version: the same hash means the same body, hence the same fields.
    const legacy = await deps.store.getSetting(legacyKey);
    return legacy === hash ? { hash, fields: [] } : undefined;
  }

  const refused = (result: Exclude<GraphResult, { ok: true }>, call: string) => {
    const code = 'error' in result ? result.error.code : 0;
    const message = 'error' in result ? (result.error.message ?? '') : result.network;
    deps.log.error('profile.refused', { call, code, reason: message });
    return { applied: false as const, reason: 'refused' as const, code, message };
  };

  return {
    async apply(flow) {
      const body = deps.buildProfile(flow);
      const hash = sha256Hex(canonicalJson(body));
      const set = Object.keys(body);
      const previous = await lastApplied(hash);
      if (previous?.hash === hash) {
        if (previous.fields.length === 0 && set.length > 0)
          await deps.store.setSetting(settingKey, JSON.stringify({ hash, fields: set }));
        return { applied: false, reason: 'unchanged' };
      }
      // Without a record of what is on the Page (first start, a failed call), every managed
      // field the flow leaves out is removed.
      const removed = managed.filter(
        (f) => !set.includes(f) && (previous === undefined || previous.fields.includes(f)),
      );
      const save = (applied: Applied) => deps.store.setSetting(settingKey, JSON.stringify(applied));
      if (set.length > 0) {
        const result = await deps.graph.post('/me/messenger_profile', body);
        if (!result.ok) {
          await save({
            hash: '',
            fields: [...new Set([...(previous?.fields ?? managed), ...set])],
          });
          return refused(result, 'set');
        }
      }
      if (removed.length > 0) {
        const result = await deps.graph.delete('/me/messenger_profile', { fields: removed });
        if (!result.ok) {
          await save({ hash: '', fields: [...set, ...removed] });
          return refused(result, 'remove');
        }
      }
      await save({ hash, fields: set });
      deps.log.info('profile.applied', { flowId: flow.flowId, fields: set, removed });
      return { applied: true, set, removed };
    },
  };
}
