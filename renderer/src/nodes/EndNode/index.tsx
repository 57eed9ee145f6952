import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export const EndNode = memo(function EndNode({ id }: NodeProps) {
  const node = useNodeRecord(id, 'end');
  return node ? <NodeFrame node={node} /> : null;
});
