// The example flows ship with the app and open in the designer first: they must lint clean.
import { describe, expect, it } from 'vitest';
import leadCapture from '../examples/lead-capture.flow.json';
import shop from '../examples/shop.flow.json';
import support from '../examples/support.flow.json';
import welcome from '../examples/welcome.flow.json';
import { validateFlowDocument } from '../load';
import { lintFlow } from './index';

const EXAMPLES = { welcome, shop, support, 'lead-capture': leadCapture };

describe('the example flows', () => {
  for (const [id, json] of Object.entries(EXAMPLES)) {
    it(`${id} is a valid document with the flow id "${id}" and no lint findings`, () => {
      const loaded = validateFlowDocument(json);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      expect(loaded.document.id).toBe(id);
      expect(lintFlow(loaded.document)).toEqual([]);
    });
  }
});
