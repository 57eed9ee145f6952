// What people call a node (docs/format.md §1, "Node types"): its own `name`, else a short summary
// of its content, else its id. Pure and language-free: the summary quotes the node's own texts
// and uses symbols, not words, so the designer and the CLI can show it in any language.
import type { FlowNode } from './schema';

/** The longest summary, in characters (a name is shown whole: the schema caps it at 80). */
export const SUMMARY_LENGTH = 40;

/**
 * The node's name, else a summary of its content, else what `fallback` says (a caller's words
 * for, say, a Get Started trigger, which has no content), else its id.
 */
export function nodeDisplayName(
  node: FlowNode,
  fallback?: (node: FlowNode) => string | undefined,
): string {
  const name = node.name?.trim();
  if (name) return name;
  return nodeSummary(node) ?? fallback?.(node) ?? node.id;
}

/** A one-line summary of the node's content, or undefined when it has none worth showing. */
export function nodeSummary(node: FlowNode): string | undefined {
  const text = rawSummary(node);
  return text ? truncate(text.replace(/\s+/g, ' ').trim()) : undefined;
}

/** A map of node id to display name, for tools that hold only ids (a compiled flow, a diff). */
export function nodeDisplayNames(nodes: readonly FlowNode[]): Map<string, string> {
  return new Map(nodes.map((n) => [n.id, nodeDisplayName(n)]));
}

function rawSummary(node: FlowNode): string | undefined {
  switch (node.type) {
    case 'message': {
      for (const block of node.data.blocks) {
        if (block.type === 'text' && block.text.trim()) return block.text;
        if (block.type === 'cards') {
          const titles = block.cards.map((c) => c.title.trim()).filter(Boolean);
          if (titles.length) return titles.join(' · ');
        }
        if (block.type !== 'text' && block.type !== 'cards' && block.type !== 'typing')
          if (block.url.trim()) return block.url.split(/[/?#]/).filter(Boolean).pop();
      }
      return node.data.quickReplies?.map((r) => r.title).join(' · ') || undefined;
    }
    case 'input':
      return node.data.prompt || undefined;
    case 'trigger':
      if (node.data.kind === 'keyword') return (node.data.keywords ?? []).join(', ') || undefined;
      if (node.data.kind === 'ref') return node.data.ref ? `ref=${node.data.ref}` : undefined;
      return undefined;
    case 'action':
      return node.data.actions.map(describeAction).join('; ') || undefined;
    case 'http':
      return node.data.url ? `${node.data.method} ${node.data.url}` : undefined;
    case 'delay':
      return `${node.data.seconds} s`;
    case 'split':
      return node.data.variants.map((v) => v.id).join(' / ') || undefined;
    case 'goto':
      return node.data.target ? `→ ${node.data.target}` : undefined;
    case 'handover':
      return node.data.note || undefined;
    case 'note':
      return node.data.text || undefined;
    case 'condition':
      return (
        node.data.branches
          .flatMap((b) => b.rules)
          .map((r) => ('variable' in r ? r.variable : r.value))
          .filter(Boolean)
          .join(', ') || undefined
      );
    case 'end':
      return undefined;
  }
}

function describeAction(action: Extract<FlowNode, { type: 'action' }>['data']['actions'][number]) {
  switch (action.type) {
    case 'set':
      return `${action.variable} = ${action.value}`;
    case 'clear':
      return `${action.variable} = ∅`;
    case 'increment':
      return `${action.variable} += ${action.by}`;
    case 'add_tag':
      return `+#${action.tag}`;
    case 'remove_tag':
      return `−#${action.tag}`;
  }
}

function truncate(text: string): string {
  const chars = [...text];
  return chars.length > SUMMARY_LENGTH ? `${chars.slice(0, SUMMARY_LENGTH - 1).join('')}…` : text;
}
