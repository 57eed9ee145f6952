import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import type { Action } from '../../../../flows/schema';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export function describeAction(action: Action): string {
  switch (action.type) {
    case 'set':
      return t('actionText.set', { variable: action.variable || '?', value: action.value });
    case 'clear':
      return t('actionText.clear', { variable: action.variable || '?' });
    case 'increment':
      return t('actionText.increment', { variable: action.variable || '?', by: action.by });
    case 'add_tag':
    case 'remove_tag':
      return t(`actionText.${action.type}`, { tag: action.tag });
  }
}

export const ActionNode = memo(function ActionNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'action');
  if (!node) return null;
  return (
    <NodeFrame node={node}>
      {node.data.actions.length === 0 && <p className="tl-muted">{t('canvas.noActions')}</p>}
      <ul className="tl-lines">
        {node.data.actions.map((action, i) => (
          <li key={i}>
            <code>{describeAction(action)}</code>
          </li>
        ))}
      </ul>
    </NodeFrame>
  );
});
