import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeData } from '../../../../flows/schema';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export function describeTrigger(data: NodeData<'trigger'>): string {
  switch (data.kind) {
    case 'get_started':
      return 'Get Started button';
    case 'default':
      return 'Anything not understood';
    case 'ref':
      return `m.me link ref=${data.ref ?? '?'}`;
    case 'comment': {
      const words = (data.keywords ?? []).map((k) => `“${k}”`).join(', ');
      const post = data.postId ? `post ${data.postId}` : 'any post';
      return `Comment on ${post}${words ? ` with ${words}` : ''}`;
    }
    case 'keyword':
      return `${data.match === 'contains' ? 'contains' : 'says'} ${(data.keywords ?? []).map((k) => `“${k}”`).join(', ') || '?'}`;
  }
}

export const TriggerNode = memo(function TriggerNode({ id }: NodeProps) {
  const node = useNodeRecord(id, 'trigger');
  if (!node) return null;
  return (
    <NodeFrame node={node}>
      <p className="tl-meta">{describeTrigger(node.data)}</p>
    </NodeFrame>
  );
});
