// "Open recent" in the toolbar: the host's list of recent files, newest first.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { fileName } from '../files/fileName';
import { Icon } from '../Icon';

export function RecentFiles() {
  const { t } = useTranslation();
  const { files, ui } = useDesignerContext();
  const [paths, setPaths] = useState<string[] | null>(null);
  const toggle = async () => {
    if (paths) return setPaths(null);
    setPaths((await files?.recent().catch(() => [])) ?? []);
  };
  const open = (path: string) => {
    setPaths(null);
    void files?.openPath(path).catch((error: unknown) =>
      ui.getState().set({
        notice: {
          title: t('files.cannotOpen', { file: fileName(path) }),
          lines: [String(error instanceof Error ? error.message : error)],
        },
      }),
    );
  };
  return (
    <div className="tl-recent">
      <button
        type="button"
        className="tl-tool"
        aria-label={t('toolbar.openRecent')}
        title={t('toolbar.openRecent')}
        aria-expanded={!!paths}
        onClick={() => void toggle()}
      >
        <Icon name="open" />
        <span aria-hidden>▾</span>
      </button>
      {paths && (
        <ul
          className="tl-popover tl-recent-list"
          role="menu"
          aria-label={t('toolbar.recentFiles')}
          onKeyDown={(e) => e.key === 'Escape' && setPaths(null)}
        >
          {paths.length === 0 && <li className="tl-muted">{t('toolbar.noRecentFiles')}</li>}
          {paths.map((path, i) => (
            <li key={path}>
              <button
                type="button"
                role="menuitem"
                autoFocus={i === 0}
                title={path}
                onClick={() => open(path)}
              >
                <b>{fileName(path)}</b> <span className="tl-muted">{path}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
