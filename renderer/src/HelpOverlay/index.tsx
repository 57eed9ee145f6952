// Every command with its shortcuts (opened with ? or F1).
import { COMMANDS } from '../commands/registry';
import { formatShortcut } from '../commands/shortcut';
import { useDesignerContext } from '../designer/DesignerContext';
import { isMacPlatform } from '../hooks/useIsMac';
import { useUi } from '../hooks/useUi';

const CANVAS_GESTURES: [string, string][] = [
  ['Pan', 'Space + drag, or middle mouse button'],
  ['Select several', 'Drag a box on empty canvas, or Shift/Ctrl + click'],
  ['Zoom', 'Mouse wheel or pinch'],
  ['Move selection', 'Arrow keys'],
];

export function HelpOverlay() {
  const { ui } = useDesignerContext();
  const open = useUi((s) => s.helpOpen);
  if (!open) return null;
  const mac = isMacPlatform();
  const close = () => ui.getState().set({ helpOpen: false });
  return (
    <div className="tl-overlay" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        className="tl-dialog tl-help"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {COMMANDS.filter((c) => c.shortcuts.length).map((c) => (
              <tr key={c.id}>
                <td>{c.label}</td>
                <td>
                  {c.shortcuts.map((s) => (
                    <kbd key={s}>{formatShortcut(s, mac)}</kbd>
                  ))}
                </td>
              </tr>
            ))}
            {CANVAS_GESTURES.map(([what, how]) => (
              <tr key={what}>
                <td>{what}</td>
                <td>{how}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
