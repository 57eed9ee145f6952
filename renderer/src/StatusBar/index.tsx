// File, saved or unsaved, lint counts, draft or published, zoom.
import { useStore as useFlowStore } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useDesigner } from '../hooks/useDesigner';
import { useRunCommand } from '../hooks/useRunCommand';
import { isDirty } from '../store/designerStore';
import { fileName } from '../files/fileName';
import { useProblemCounts } from '../ProblemsPanel/useProblemCounts';
import { usePublishStatus } from '../publish/usePublishStatus';

const zoomPercent = (s: { transform: [number, number, number] }) =>
  Math.round(s.transform[2] * 100);

export function StatusBar() {
  const { t } = useTranslation();
  const path = useDesigner((s) => s.file.path);
  const dirty = useDesigner(isDirty);
  const nodeCount = useDesigner((s) => s.doc.nodeOrder.length);
  const { errors, warnings } = useProblemCounts();
  const zoom = useFlowStore(zoomPercent);
  const publishStatus = usePublishStatus();
  const run = useRunCommand();
  return (
    <footer className="tl-statusbar" aria-label={t('status.label')}>
      <span title={path ?? t('status.notSavedYet')}>{fileName(path)}</span>
      <span className={dirty ? 'tl-unsaved' : 'tl-saved'}>
        {dirty ? t('status.unsaved') : t('status.saved')}
      </span>
      <button type="button" className="tl-status-problems" onClick={() => run('toggleProblems')}>
        <span className="tl-count-error">{t('status.errors', { count: errors })}</span>{' '}
        <span className="tl-count-warning">{t('status.warnings', { count: warnings })}</span>
      </button>
      <span>{t('status.nodes', { count: nodeCount })}</span>
      <span className="tl-spacer" />
      <span className={`tl-draft tl-status-${publishStatus.tone}`} title={publishStatus.title}>
        {publishStatus.text}
      </span>
      <span aria-label={t('status.zoom')}>{formatNumber(zoom / 100, { style: 'percent' })}</span>
    </footer>
  );
}
