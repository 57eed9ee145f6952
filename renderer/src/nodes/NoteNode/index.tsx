import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export const NoteNode = memo(function NoteNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'note');
  if (!node) return null;
  return (
    <NodeFrame node={node}>
      <p
        className="tl-note-text"
        style={node.data.color ? { background: node.data.color } : undefined}
      >
        {node.data.text || <span className="tl-muted">{t('canvas.emptyNote')}</span>}
      </p>
    </NodeFrame>
  );
});
