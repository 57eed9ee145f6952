// File, saved or unsaved, lint counts, draft or published, zoom.
import { useStore as useFlowStore } from '@xyflow/react';
import { useDesigner } from '../hooks/useDesigner';
import { useRunCommand } from '../hooks/useRunCommand';
import { isDirty } from '../store/designerStore';
import { fileName } from '../files/fileName';
import { useProblemCounts } from '../ProblemsPanel/useProblemCounts';
import { usePublishStatus } from '../publish/usePublishStatus';

const zoomPercent = (s: { transform: [number, number, number] }) =>
  Math.round(s.transform[2] * 100);

export function StatusBar() {
  const path = useDesigner((s) => s.file.path);
  const dirty = useDesigner(isDirty);
  const nodeCount = useDesigner((s) => s.doc.nodeOrder.length);
  const { errors, warnings } = useProblemCounts();
  const zoom = useFlowStore(zoomPercent);
  const publishStatus = usePublishStatus();
  const run = useRunCommand();
  return (
    <footer className="tl-statusbar" aria-label="Status">
      <span title={path ?? 'Not saved yet'}>{fileName(path)}</span>
      <span className={dirty ? 'tl-unsaved' : 'tl-saved'}>{dirty ? '● Unsaved' : '✓ Saved'}</span>
      <button type="button" className="tl-status-problems" onClick={() => run('toggleProblems')}>
        <span className="tl-count-error">{plural(errors, 'error')}</span>{' '}
        <span className="tl-count-warning">{plural(warnings, 'warning')}</span>
      </button>
      <span>{nodeCount} nodes</span>
      <span className="tl-spacer" />
      <span className={`tl-draft tl-status-${publishStatus.tone}`} title={publishStatus.title}>
        {publishStatus.text}
      </span>
      <span aria-label="Zoom">{zoom}%</span>
    </footer>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
