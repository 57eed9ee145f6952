// What an empty canvas says: how a flow starts, with a button to add a trigger and one to pick
// a template. It leaves the rest of the canvas free for drops from the palette.
import { useTranslation } from 'react-i18next';
import { addNodeAt } from '../commands/addNode';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import './templates.css';

export function EmptyCanvasHint() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const empty = useDesigner((s) => s.doc.nodeOrder.length === 0);
  if (!empty) return null;
  const addTrigger = () => {
    const centre = context.view?.centre() ?? { x: 0, y: 0 };
    const id = addNodeAt(context, 'trigger', { x: centre.x - 120, y: centre.y - 40 });
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        context.view?.reveal(id);
        context.view?.focusNode(id);
      }),
    );
  };
  return (
    <div className="tl-empty-canvas">
      <section aria-label={t('emptyCanvas.label')}>
        <h2>{t('emptyCanvas.title')}</h2>
        <p>{t('emptyCanvas.text')}</p>
        <div className="tl-empty-canvas-buttons">
          <button type="button" className="is-primary" onClick={addTrigger}>
            {t('emptyCanvas.addTrigger')}
          </button>
          {context.files && (
            <button type="button" onClick={() => void context.files?.newFlow()}>
              {t('emptyCanvas.templates')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
