import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { formatDuration } from '../../nodeTypes/formatDuration';
import { NodeFrame } from '../NodeFrame';

export const DelayNode = memo(function DelayNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'delay');
  if (!node) return null;
  return (
    <NodeFrame
      node={node}
      title={t('canvas.wait', { duration: formatDuration(node.data.seconds) })}
    />
  );
});
