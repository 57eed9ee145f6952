import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

/** Variant weights are in the handle labels ("a · 50%"). */
export const SplitNode = memo(function SplitNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'split');
  if (!node) return null;
  return (
    <NodeFrame node={node} title={t('canvas.variants', { count: node.data.variants.length })} />
  );
});
