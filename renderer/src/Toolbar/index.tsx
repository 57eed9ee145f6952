// Undo, redo, auto-layout, fit, search, simulate, publish, plus file commands. Every button runs
// the same command a shortcut or the menu would.
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../Icon';
import type { CommandId } from '../commands/registry';
import { useDesigner } from '../hooks/useDesigner';
import { useRunCommand } from '../hooks/useRunCommand';
import { commandLabel, shortcutHint } from '../hooks/useShortcutHint';
import { useUi } from '../hooks/useUi';
import { useAudience } from '../audience/audienceStore';
import { usePublishView } from '../publish/usePublishView';
import { canRedo, canUndo } from '../store/designerStore';
import { RecentFiles } from '../RecentFiles';
import { SearchBox } from '../SearchBox';

interface ButtonSpec {
  id: CommandId;
  icon: IconName;
  /** Shown next to the icon (a key under `toolbar`). */
  text?: 'autoLayout' | 'fit' | 'simulate' | 'publish' | 'revisions' | 'showStats' | 'audience';
}

const FILE: ButtonSpec[] = [
  { id: 'newFile', icon: 'newFile' },
  { id: 'openFile', icon: 'open' },
  { id: 'saveFile', icon: 'save' },
];
const VIEW: ButtonSpec[] = [
  { id: 'autoLayout', icon: 'layout', text: 'autoLayout' },
  { id: 'fitView', icon: 'fit', text: 'fit' },
];

export function Toolbar() {
  const { t } = useTranslation();
  const run = useRunCommand();
  const undoable = useDesigner(canUndo);
  const redoable = useDesigner(canRedo);
  const layoutRunning = useUi((s) => s.layoutRunning);
  const simulatorOpen = useUi((s) => s.simulatorOpen);
  const revisionsOpen = usePublishView((v) => v.revisions.open);
  const statsOpen = usePublishView((v) => v.stats.open);
  const audienceOpen = useAudience((s) => s.open);
  const button = ({ id, icon, text }: ButtonSpec, disabled = false, pressed?: boolean) => (
    <button
      key={id}
      type="button"
      className="tl-tool"
      onClick={() => run(id)}
      disabled={disabled}
      title={shortcutHint(id)}
      aria-label={commandLabel(id)}
      aria-pressed={pressed}
    >
      <Icon name={icon} />
      {text && <span className="tl-tool-text">{t(`toolbar.${text}`)}</span>}
    </button>
  );
  return (
    <header className="tl-toolbar" role="toolbar" aria-label={t('app.toolbar')}>
      <span className="tl-brand">Threadline</span>
      <div className="tl-tool-group">
        {FILE.map((b) => button(b))}
        <RecentFiles />
      </div>
      <div className="tl-tool-group">
        {button({ id: 'undo', icon: 'undo' }, !undoable)}
        {button({ id: 'redo', icon: 'redo' }, !redoable)}
      </div>
      <div className="tl-tool-group">
        {button(VIEW[0]!, layoutRunning)}
        {button(VIEW[1]!)}
      </div>
      <SearchBox />
      <div className="tl-tool-group tl-tool-end">
        {button({ id: 'help', icon: 'help' })}
        {button({ id: 'simulate', icon: 'play', text: 'simulate' }, false, simulatorOpen)}
        {button({ id: 'toggleStats', icon: 'stats', text: 'showStats' }, false, statsOpen)}
        {button(
          { id: 'toggleRevisions', icon: 'history', text: 'revisions' },
          false,
          revisionsOpen,
        )}
        {button({ id: 'toggleAudience', icon: 'users', text: 'audience' }, false, audienceOpen)}
        <span className="tl-primary">
          {button({ id: 'publish', icon: 'publish', text: 'publish' })}
        </span>
      </div>
    </header>
  );
}
