// The entry table: where each kind of incoming event starts (docs/format.md §2, rules 1, 5 and 6;
// comments: docs/events.md "Comments").
// Keyword entries stay in document order because that order breaks ties between triggers.
import type { Entries, FlowDocument } from '../schema';

export function buildEntries(doc: FlowDocument): Entries {
  const entries: Entries = { keywords: [], refs: [] };
  for (const node of doc.nodes) {
    if (node.type !== 'trigger') continue;
    const { data } = node;
    switch (data.kind) {
      case 'get_started':
        entries.getStarted ??= node.id;
        break;
      case 'default':
        entries.default ??= node.id;
        break;
      case 'keyword':
        entries.keywords.push({
          keywords: data.keywords ?? [],
          match: data.match ?? 'exact',
          target: node.id,
        });
        break;
      case 'ref':
        if (data.ref !== undefined) entries.refs.push({ ref: data.ref, target: node.id });
        break;
      case 'comment':
        (entries.comments ??= []).push({
          ...(data.postId?.trim() ? { postId: data.postId.trim() } : {}),
          keywords: data.keywords ?? [],
          match: data.match ?? 'contains',
          target: node.id,
        });
        break;
    }
  }
  return entries;
}
