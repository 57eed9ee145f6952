// The label shown beside each output handle: the button or reply title, the branch, the variant.
import { languageStore, t } from '../i18n';
import { outputHandles, type FlowNode, type Rule } from '../../../flows/schema';

export interface HandleRow {
  handle: string;
  label: string;
  kind: 'default' | 'button' | 'reply' | 'branch' | 'variant' | 'error';
}

const FIXED: Record<string, HandleRow['kind']> = {
  next: 'default',
  other: 'default',
  ok: 'default',
  invalid: 'error',
  error: 'error',
  else: 'default',
  returned: 'default',
  out: 'default',
};

export function handleRows(node: FlowNode): HandleRow[] {
  return outputHandles(node).map((handle) => {
    const fixed = FIXED[handle];
    if (fixed) return { handle, label: t(`handles.${handle as 'next'}`), kind: fixed };
    const [prefix, id] = splitHandle(handle);
    switch (prefix) {
      case 'button':
        return { handle, label: buttonTitle(node, id) || t('handles.button'), kind: 'button' };
      case 'reply':
        return { handle, label: replyTitle(node, id) || t('handles.reply'), kind: 'reply' };
      case 'branch':
        return { handle, label: branchLabel(node, id), kind: 'branch' };
      case 'variant':
        return { handle, label: variantLabel(node, id), kind: 'variant' };
      default:
        return { handle, label: handle, kind: 'default' };
    }
  });
}

function splitHandle(handle: string): [string, string] {
  const at = handle.indexOf(':');
  return [handle.slice(0, at), handle.slice(at + 1)];
}

/** A button's title; inside a card "Card title › Button", so three cards' "Buy" tell apart. */
function buttonTitle(node: FlowNode, id: string): string | undefined {
  if (node.type !== 'message') return undefined;
  for (const block of node.data.blocks) {
    if (block.type === 'text') {
      const found = block.buttons?.find((b) => b.id === id);
      if (found) return found.title;
    }
    if (block.type === 'cards')
      for (const card of block.cards) {
        const found = card.buttons?.find((b) => b.id === id);
        if (!found) continue;
        const button = found.title || t('handles.button');
        return card.title ? t('nodeNames.cardButton', { card: card.title, button }) : found.title;
      }
  }
  return undefined;
}

function replyTitle(node: FlowNode, id: string): string | undefined {
  return node.type === 'message'
    ? node.data.quickReplies?.find((r) => r.id === id)?.title
    : undefined;
}

function branchLabel(node: FlowNode, id: string): string {
  if (node.type !== 'condition') return id;
  const branch = node.data.branches.find((b) => b.id === id);
  if (!branch || branch.rules.length === 0) return t('ruleText.always');
  // "a, b and c" / "a, b und c": the language's own list words, through Intl.
  return new Intl.ListFormat(languageStore.getState().language, {
    type: branch.match === 'all' ? 'conjunction' : 'disjunction',
  }).format(branch.rules.map(describeRule));
}

function variantLabel(node: FlowNode, id: string): string {
  if (node.type !== 'split') return id;
  const total = node.data.variants.reduce((sum, v) => sum + v.weight, 0);
  const variant = node.data.variants.find((v) => v.id === id);
  const share = total > 0 && variant ? Math.round((variant.weight / total) * 100) : 0;
  return `${id} · ${share}%`;
}

export function describeRule(rule: Rule): string {
  if (rule.op === 'has_tag' || rule.op === 'lacks_tag')
    return t(`ruleText.${rule.op}`, { value: rule.value });
  if (!('variable' in rule)) return '';
  return t(`ruleText.${rule.op}`, {
    variable: rule.variable || '?',
    value: String(rule.value ?? ''),
  });
}
