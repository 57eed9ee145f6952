import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

/** Branch conditions are the handle labels, so the body stays empty. */
export const ConditionNode = memo(function ConditionNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'condition');
  if (!node) return null;
  const count = node.data.branches.length;
  return <NodeFrame node={node} title={t('canvas.branches', { count })} />;
});
