import { describe, expect, it } from 'vitest';
import { lintFlow } from '../../../flows';
import { TEMPLATE_KEYS, templateDocument } from './templates';

describe('flow templates', () => {
  it('offers the empty flow first, then every example, each a valid document', () => {
    expect(TEMPLATE_KEYS[0]).toBe('empty');
    expect(templateDocument('empty').nodes).toEqual([]);
    for (const key of TEMPLATE_KEYS.slice(1)) {
      const doc = templateDocument(key);
      expect(doc.id).toBe(key);
      expect(doc.nodes.length).toBeGreaterThan(0);
      expect(lintFlow(doc).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('hands out a fresh copy each time, so editing one never changes the template', () => {
    const first = templateDocument('welcome');
    first.nodes.length = 0;
    expect(templateDocument('welcome').nodes.length).toBeGreaterThan(0);
  });
});
