// Applies a flow's Messenger Profile (get started, greeting, persistent menu, ice breakers) in
// one call, and only when it differs from the last one applied: the Profile API allows 10 calls
// per 10 minutes per Page (MESSENGER.md §4).
import { sha256Hex } from '../../flows/hash';
import type { CompiledFlow } from '../../flows/schema';
import type { Logger } from '../log';
import type { GraphClient } from '../send/graph';
import type { Store } from '../store/types';
import { canonicalJson } from './canonical';

export type ProfileOutcome =
  | { applied: true }
  | { applied: false; reason: 'unchanged' | 'empty' }
  | { applied: false; reason: 'refused'; code: number; message: string };

export interface ProfileSync {
  apply(flow: CompiledFlow): Promise<ProfileOutcome>;
}

export function createProfileSync(deps: {
  store: Store;
  graph: GraphClient;
  log: Logger;
  pageId: string;
  buildProfile: (flow: CompiledFlow) => Record<string, unknown>;
}): ProfileSync {
  const settingKey = `profile_hash:${deps.pageId}`;
  return {
    async apply(flow) {
      const body = deps.buildProfile(flow);
      if (Object.keys(body).length === 0) return { applied: false, reason: 'empty' };
      const hash = sha256Hex(canonicalJson(body));
      if ((await deps.store.getSetting(settingKey)) === hash)
        return { applied: false, reason: 'unchanged' };
      const result = await deps.graph.post('/me/messenger_profile', body);
      if (!result.ok) {
        const code = 'error' in result ? result.error.code : 0;
        const message = 'error' in result ? (result.error.message ?? '') : result.network;
        deps.log.error('profile.refused', { code, reason: message });
        return { applied: false, reason: 'refused', code, message };
      }
      await deps.store.setSetting(settingKey, hash);
      deps.log.info('profile.applied', { flowId: flow.flowId, fields: Object.keys(body) });
      return { applied: true };
    },
  };
}
