// Conversation quality and Messenger policy: things that work but leave users without an answer.
import type { LintContext } from './context';

export function checkPolicy(ctx: LintContext): void {
  if (!ctx.doc.disclosure?.trim()) ctx.report('no-disclosure', { field: 'disclosure' }, 'default');
  // Typed text at quick replies falls through to keyword triggers and then the default trigger
  // (docs/format.md §2, rules 4 to 6). With a default trigger every text gets an answer, and connecting
  // 'other' would hide the keyword triggers, so 'other' only needs a connection without one.
  const hasDefault = ctx.doc.nodes.some((n) => n.type === 'trigger' && n.data.kind === 'default');
  for (const node of ctx.doc.nodes) {
    if (node.type !== 'message') continue;
    if (!node.data.blocks.some((b) => b.type !== 'typing'))
      ctx.report('message-empty', { nodeId: node.id, field: 'data.blocks' }, 'default');
    if (
      !hasDefault &&
      node.data.quickReplies?.length &&
      !ctx.edgesFrom.get(node.id)?.some((e) => e.sourceHandle === 'other')
    )
      ctx.report('other-unconnected', { nodeId: node.id, handle: 'other' }, 'default');
  }
}
