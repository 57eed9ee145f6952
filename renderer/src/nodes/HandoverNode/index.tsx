import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export const HandoverNode = memo(function HandoverNode({ id }: NodeProps) {
  const node = useNodeRecord(id, 'handover');
  if (!node) return null;
  return (
    <NodeFrame node={node}>
      <p className="tl-meta">{node.data.note || 'To the Page Inbox'}</p>
    </NodeFrame>
  );
});
