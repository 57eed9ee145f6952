import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';
import { useNodeName } from '../../hooks/useNodeName';

export const GotoNode = memo(function GotoNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'goto');
  const target = useNodeName(node?.data.target);
  if (!node) return null;
  return (
    <NodeFrame
      node={node}
      title={node.data.target ? `→ ${target ?? node.data.target}` : t('canvas.noTarget')}
    />
  );
});
