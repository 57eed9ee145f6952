// Settings of single nodes that would make them misbehave at run time. Each node type's rules are
// its `lint` entry in flows/nodeTypes.ts.
import { specOf } from '../nodeTypes';
import type { LintContext } from './context';

export function checkNodes(ctx: LintContext): void {
  for (const node of ctx.doc.nodes) specOf(node).lint?.(ctx, node);
}
