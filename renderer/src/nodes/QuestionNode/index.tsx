import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export const QuestionNode = memo(function QuestionNode({ id }: NodeProps) {
  const node = useNodeRecord(id, 'input');
  if (!node) return null;
  const { prompt, kind, variable } = node.data;
  return (
    <NodeFrame node={node}>
      <div className="tl-bubble">
        <p className="tl-bubble-text">
          {prompt || <span className="tl-muted">No question yet</span>}
        </p>
      </div>
      <p className="tl-meta">
        expects <b>{kind}</b> → <code>{variable ? `{{${variable}}}` : 'no variable'}</code>
      </p>
    </NodeFrame>
  );
});
