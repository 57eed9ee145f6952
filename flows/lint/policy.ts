// Conversation quality and Messenger policy: things that work but leave users without an answer.
import type { LintContext } from './context';

export function checkPolicy(ctx: LintContext): void {
  if (!ctx.doc.disclosure?.trim())
    ctx.report(
      'no-disclosure',
      { field: 'disclosure' },
      "There is no disclosure message. Laws in Germany and California require bots to say they are automated; set one in the flow's settings.",
    );
  for (const node of ctx.doc.nodes) {
    if (node.type !== 'message') continue;
    if (!node.data.blocks.some((b) => b.type !== 'typing'))
      ctx.report(
        'message-empty',
        { nodeId: node.id, field: 'data.blocks' },
        'This message has nothing to send; add a text, image or cards.',
      );
    if (
      node.data.quickReplies?.length &&
      !ctx.edgesFrom.get(node.id)?.some((e) => e.sourceHandle === 'other')
    )
      ctx.report(
        'other-unconnected',
        { nodeId: node.id, field: 'other' },
        "If the user types instead of tapping a quick reply, nothing here answers; connect 'other' (for example to a message that asks again).",
      );
  }
}
