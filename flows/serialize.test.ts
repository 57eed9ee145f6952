import { describe, expect, it } from 'vitest';
import shop from './examples/shop.flow.json';
import { parseFlowDocument } from './load';
import type { FlowDocument } from './schema';
import { serializeFlowDocument } from './serialize';

const shopDoc = () => {
  const result = parseFlowDocument(JSON.stringify(shop));
  if (!result.ok) throw new Error('shop example does not load');
  return result.document;
};

/** The same object with its keys in reverse order, at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

describe('serializeFlowDocument', () => {
  it('round-trips through parseFlowDocument unchanged', () => {
    const doc = shopDoc();
    const again = parseFlowDocument(serializeFlowDocument(doc));
    expect(again.ok && again.document).toEqual(doc);
  });

  it('writes keys in the schema order whatever order the object has', () => {
    const doc = shopDoc();
    const shuffled = reverseKeys(doc) as FlowDocument;
    const out = serializeFlowDocument(shuffled);
    expect(out).toBe(serializeFlowDocument(doc));
    expect(
      out.startsWith('{\n  "format": "threadline.flow",\n  "version": 1,\n  "id": "shop",'),
    ).toBe(true);
  });

  it('uses a 2-space indent and ends with a newline', () => {
    const out = serializeFlowDocument(shopDoc());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "format": "threadline.flow",');
  });

  it('still writes a document that breaks the schema instead of losing it', () => {
    const broken = { ...shopDoc(), id: 'Not Valid' };
    expect(JSON.parse(serializeFlowDocument(broken)).id).toBe('Not Valid');
  });
});
