import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export const HandoverNode = memo(function HandoverNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'handover');
  if (!node) return null;
  return (
    <NodeFrame node={node}>
      <p className="tl-meta">{node.data.note || t('canvas.toPageInbox')}</p>
    </NodeFrame>
  );
});
