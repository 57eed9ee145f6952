// The notice (what went wrong, one line per problem) and the confirmation dialog.
import { useTranslation } from 'react-i18next';
import { useDesignerContext } from '../designer/DesignerContext';
import { useUi } from '../hooks/useUi';

export function Dialogs() {
  const { t } = useTranslation();
  const { ui } = useDesignerContext();
  const notice = useUi((s) => s.notice);
  const confirmation = useUi((s) => s.confirmation);
  if (confirmation) {
    return (
      <div className="tl-overlay">
        <div
          role="alertdialog"
          aria-modal="true"
          aria-label={confirmation.title}
          className="tl-dialog"
        >
          <h2>{confirmation.title}</h2>
          <p>{confirmation.message}</p>
          <div className="tl-dialog-buttons">
            <button type="button" onClick={() => confirmation.resolve(false)}>
              {t('dialogs.cancel')}
            </button>
            <button
              type="button"
              className="tl-danger"
              autoFocus
              onClick={() => confirmation.resolve(true)}
            >
              {confirmation.confirmLabel}
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (!notice) return null;
  const close = () => ui.getState().set({ notice: null });
  return (
    <div className="tl-overlay">
      <div role="alertdialog" aria-modal="true" aria-label={notice.title} className="tl-dialog">
        <h2>{notice.title}</h2>
        <ul className="tl-notice-lines">
          {notice.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <div className="tl-dialog-buttons">
          <button type="button" autoFocus onClick={close}>
            {t('dialogs.ok')}
          </button>
        </div>
      </div>
    </div>
  );
}
