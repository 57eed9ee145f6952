import type { NodeProps } from '@xyflow/react';
import { t, useLanguage } from '../../i18n';
import { memo } from 'react';
import { useNodeRecord } from '../../hooks/useNodeRecord';
import { NodeFrame } from '../NodeFrame';

export const QuestionNode = memo(function QuestionNode({ id }: NodeProps) {
  useLanguage();
  const node = useNodeRecord(id, 'input');
  if (!node) return null;
  const { prompt, kind, variable } = node.data;
  return (
    <NodeFrame node={node}>
      <div className="tl-bubble">
        <p className="tl-bubble-text">
          {prompt || <span className="tl-muted">{t('canvas.noQuestion')}</span>}
        </p>
      </div>
      <p className="tl-meta">
        {t('canvas.expects')} <b>{kind}</b> →{' '}
        <code>{variable ? `{{${variable}}}` : t('canvas.noVariable')}</code>
      </p>
    </NodeFrame>
  );
});
