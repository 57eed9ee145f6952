// A node's display name in the designer: flows/display-name.ts, with the designer's words for
// nodes that have no content to summarise (a Get Started or default trigger).
import { nodeDisplayName, type FlowNode } from '../../../flows';
import { t } from '../i18n';

export function displayName(node: FlowNode): string {
  return nodeDisplayName(node, (n) =>
    n.type === 'trigger' ? t(`trigger.kinds.${n.data.kind}`) : undefined,
  );
}
