// The last compiled flow this designer published, per flow id. A runtime's GET answer may carry
// only the revision; since a revision is the hash of the content, a kept copy with the same
// revision is exactly what the runtime holds, and lets the dialog list what changed.
import { CompiledFlow } from '../../../flows/schema';

export interface PublishedCache {
  recall(flowId: string, revision: string): CompiledFlow | null;
  remember(flow: CompiledFlow): void;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

const key = (flowId: string) => `threadline.published.${flowId}`;

export function createPublishedCache(storage: StorageLike | null): PublishedCache {
  return {
    recall(flowId, revision) {
      let stored: unknown;
      try {
        stored = JSON.parse(storage?.getItem(key(flowId)) ?? 'null');
      } catch {
        return null;
      }
      const parsed = CompiledFlow.safeParse(stored);
      return parsed.success && parsed.data.revision === revision ? parsed.data : null;
    },
    remember(flow) {
      try {
        storage?.setItem(key(flow.flowId), JSON.stringify(flow));
      } catch {
        // A full or missing storage only costs the change list next time.
      }
    },
  };
}
