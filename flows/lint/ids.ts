// Ids must be unique where they name something: nodes and edges in the flow, and buttons,
// replies, cards, branches and variants within their node (their handles and payloads use them;
// each node type names its own in flows/nodeTypes.ts, `innerIds`).
import { specOf } from '../nodeTypes';
import type { LintContext, Place } from './context';
import { lintText, type LintText } from './text';

export function checkIds(ctx: LintContext): void {
  unique(
    ctx,
    ctx.doc.nodes.map((n) => ({ id: n.id, place: { nodeId: n.id, field: 'id' } })),
    lintText('parts.node'),
  );
  unique(
    ctx,
    ctx.doc.edges.map((e) => ({ id: e.id, place: { edgeId: e.id, nodeId: e.source } })),
    lintText('parts.connection'),
  );
  for (const node of ctx.doc.nodes) {
    const inner = specOf(node).innerIds?.(node);
    if (!inner) continue;
    unique(
      ctx,
      inner.ids.map(({ id, field }) => ({ id, place: { nodeId: node.id, field } })),
      lintText(`parts.${inner.what}`),
    );
  }
}

function unique(ctx: LintContext, items: { id: string; place: Place }[], what: LintText): void {
  const seen = new Set<string>();
  for (const { id, place } of items) {
    if (seen.has(id)) ctx.report('duplicate-id', place, 'default', { what, id });
    seen.add(id);
  }
}
