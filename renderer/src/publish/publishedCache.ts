// The compiled flows this designer published or read from the runtime, per flow id and revision
// (the last few). A runtime's answers may carry only revisions; since a revision is the hash of
// the content, a kept copy with the same revision is exactly what the runtime holds, and lets the
// publish dialog list what changed and the Revisions panel compare or show an older revision.
import { z } from 'zod';
import { CompiledFlow } from '../../../flows/schema';

export interface PublishedCache {
  recall(flowId: string, revision: string): CompiledFlow | null;
  remember(flow: CompiledFlow): void;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** How many revisions per flow are kept (the newest remembered). */
export const KEPT_REVISIONS = 10;

const key = (flowId: string) => `threadline.published.${flowId}`;
const Kept = z.array(z.unknown());

export function createPublishedCache(storage: StorageLike | null): PublishedCache {
  const read = (flowId: string): unknown[] => {
    try {
      const stored: unknown = JSON.parse(storage?.getItem(key(flowId)) ?? '[]');
      // An older designer kept one flow, not a list.
      const list = Kept.safeParse(stored);
      return list.success ? list.data : [stored];
    } catch {
      return [];
    }
  };
  return {
    recall(flowId, revision) {
      for (const item of read(flowId)) {
        const parsed = CompiledFlow.safeParse(item);
        if (parsed.success && parsed.data.revision === revision) return parsed.data;
      }
      return null;
    },
    remember(flow) {
      const others = read(flow.flowId).filter(
        (item) => (item as { revision?: unknown } | null)?.revision !== flow.revision,
      );
      try {
        storage?.setItem(
          key(flow.flowId),
          JSON.stringify([flow, ...others].slice(0, KEPT_REVISIONS)),
        );
      } catch {
        // A full or missing storage only costs the change list next time.
      }
    },
  };
}
