import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export const HttpNode = memo(function HttpNode({ id }: NodeProps) {
  const node = useNodeRecord(id, 'http');
  if (!node) return null;
  return (
    <NodeFrame node={node}>
      <p className="tl-meta">
        <b>{node.data.method}</b> <span className="tl-url">{node.data.url}</span>
      </p>
      {node.data.save?.map((s) => (
        <p key={s.variable} className="tl-meta">
          <code>{s.path}</code> → <code>{s.variable}</code>
        </p>
      ))}
    </NodeFrame>
  );
});
