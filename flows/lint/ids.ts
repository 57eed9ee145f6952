// Ids must be unique where they name something: nodes and edges in the flow, and buttons,
// replies, cards, branches and variants within their node (their handles and payloads use them).
import type { FlowNode } from '../schema';
import type { LintContext, Place } from './context';

export function checkIds(ctx: LintContext): void {
  unique(
    ctx,
    ctx.doc.nodes.map((n) => ({ id: n.id, place: { nodeId: n.id, field: 'id' } })),
    'node',
  );
  unique(
    ctx,
    ctx.doc.edges.map((e) => ({ id: e.id, place: { edgeId: e.id, nodeId: e.source } })),
    'connection',
  );
  for (const node of ctx.doc.nodes) {
    const [items, what] = idsWithin(node);
    unique(
      ctx,
      items.map(({ id, field }) => ({ id, place: { nodeId: node.id, field } })),
      what,
    );
  }
}

function idsWithin(node: FlowNode): [{ id: string; field: string }[], string] {
  const items: { id: string; field: string }[] = [];
  switch (node.type) {
    case 'message':
      // Buttons, cards and quick replies share one namespace because their handles
      // (`button:<id>`, `reply:<id>`) and payloads must not collide.
      node.data.blocks.forEach((block, b) => {
        if (block.type === 'text')
          block.buttons?.forEach((btn, i) =>
            items.push({ id: btn.id, field: `data.blocks[${b}].buttons[${i}].id` }),
          );
        if (block.type === 'cards')
          block.cards.forEach((card, c) => {
            items.push({ id: card.id, field: `data.blocks[${b}].cards[${c}].id` });
            card.buttons?.forEach((btn, i) =>
              items.push({ id: btn.id, field: `data.blocks[${b}].cards[${c}].buttons[${i}].id` }),
            );
          });
      });
      node.data.quickReplies?.forEach((r, i) =>
        items.push({ id: r.id, field: `data.quickReplies[${i}].id` }),
      );
      return [items, 'button, card or quick reply'];
    case 'condition':
      node.data.branches.forEach((b, i) =>
        items.push({ id: b.id, field: `data.branches[${i}].id` }),
      );
      return [items, 'branch'];
    case 'split':
      node.data.variants.forEach((v, i) =>
        items.push({ id: v.id, field: `data.variants[${i}].id` }),
      );
      return [items, 'variant'];
    default:
      return [items, ''];
  }
}

function unique(ctx: LintContext, items: { id: string; place: Place }[], what: string): void {
  const seen = new Set<string>();
  for (const { id, place } of items) {
    if (seen.has(id))
      ctx.report(
        'duplicate-id',
        place,
        `Another ${what} already has the id "${id}"; ids must be unique.`,
      );
    seen.add(id);
  }
}
