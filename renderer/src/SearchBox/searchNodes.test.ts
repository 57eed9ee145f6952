import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { fromFlowDocument } from '../store/designerDocument';
import { searchNodes } from './searchNodes';

const doc = fromFlowDocument(FlowDocument.parse(welcome));

describe('node search', () => {
  it('finds nodes by their text, quick replies and ids, ignoring case', () => {
    expect(searchNodes(doc, 'OPENING HOURS').map((h) => h.id)).toEqual(['n-menu']);
    expect(searchNodes(doc, 'collection').map((h) => h.id)).toEqual(['n-shop']);
    expect(searchNodes(doc, 'n-handover').map((h) => h.id)).toEqual(['n-handover']);
    expect(searchNodes(doc, '   ')).toEqual([]);
  });
});
