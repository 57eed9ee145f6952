import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';
import { BlockPreview } from './BlockPreview';

export const MessageNode = memo(function MessageNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'message');
  if (!node) return null;
  return (
    <NodeFrame node={node}>
      {node.data.blocks.map((block, i) => (
        <BlockPreview key={i} block={block} />
      ))}
      {node.data.blocks.length === 0 && <p className="tl-muted">{t('canvas.noContent')}</p>}
    </NodeFrame>
  );
});
