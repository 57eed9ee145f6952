import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { formatDuration } from '../../nodeTypes/formatDuration';
import { NodeFrame } from '../NodeFrame';

export const DelayNode = memo(function DelayNode({ id }: NodeProps) {
  const node = useNodeRecord(id, 'delay');
  if (!node) return null;
  return <NodeFrame node={node} title={`wait ${formatDuration(node.data.seconds)}`} />;
});
