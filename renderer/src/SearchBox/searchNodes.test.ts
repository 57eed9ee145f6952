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

  it('finds nodes by their name and shows it on every hit', () => {
    const named = fromFlowDocument(
      FlowDocument.parse({
        ...welcome,
        nodes: welcome.nodes.map((n) => (n.id === 'n-shop' ? { ...n, name: 'Shop teaser' } : n)),
      }),
    );
    const hits = searchNodes(named, 'teaser');
    expect(hits).toEqual([{ id: 'n-shop', type: 'message', name: 'Shop teaser', text: '' }]);
    const byText = searchNodes(named, 'collection')[0]!;
    expect(byText.name).toBe('Shop teaser');
    expect(byText.text.toLowerCase()).toContain('collection');
  });
});
