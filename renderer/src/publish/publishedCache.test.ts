import { describe, expect, it } from 'vitest';
import { compileFlow, validateFlowDocument } from '../../../flows';
import shop from '../../../flows/examples/shop.flow.json';
import type { CompiledFlow } from '../../../flows/schema';
import { createPublishedCache, KEPT_REVISIONS } from './publishedCache';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

function shopNamed(name: string): CompiledFlow {
  const loaded = validateFlowDocument({ ...structuredClone(shop), name });
  if (!loaded.ok) throw new Error('shop example does not load');
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error('shop example does not compile');
  return result.compiled;
}

describe('the compiled revisions this designer knows', () => {
  it('recalls each of the last revisions by its hash, and forgets the oldest', () => {
    const storage = memoryStorage();
    const cache = createPublishedCache(storage);
    const flows = Array.from({ length: KEPT_REVISIONS + 1 }, (_, i) => shopNamed(`Shop ${i}`));
    for (const flow of flows) cache.remember(flow);
    expect(cache.recall('shop', flows[0]!.revision)).toBeNull();
    expect(cache.recall('shop', flows[1]!.revision)?.name).toBe('Shop 1');
    expect(cache.recall('shop', flows.at(-1)!.revision)?.name).toBe(`Shop ${KEPT_REVISIONS}`);
    // Remembering a known revision again does not keep it twice.
    cache.remember(flows[5]!);
    expect(JSON.parse(storage.items.get('threadline.published.shop')!)).toHaveLength(
      KEPT_REVISIONS,
    );
  });

  it('reads the single flow an older designer kept, and survives garbage', () => {
    const storage = memoryStorage();
    const flow = shopNamed('Old');
    storage.setItem('threadline.published.shop', JSON.stringify(flow));
    expect(createPublishedCache(storage).recall('shop', flow.revision)?.name).toBe('Old');
    storage.setItem('threadline.published.shop', '{not json');
    expect(createPublishedCache(storage).recall('shop', flow.revision)).toBeNull();
  });
});
