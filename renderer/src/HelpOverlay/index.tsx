// Every command with its shortcuts (opened with ? or F1), and the designer's language.
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { COMMANDS } from '../commands/registry';
import { formatShortcut } from '../commands/shortcut';
import { useDesignerContext } from '../designer/DesignerContext';
import { getHost } from '../host';
import { commandLabel } from '../hooks/useShortcutHint';
import { isMacPlatform } from '../hooks/useIsMac';
import { useUi } from '../hooks/useUi';
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  languageStore,
  resolveSystemLanguage,
  type LanguageSetting,
} from '../i18n';
import { chooseLanguage } from '../i18n/setup';

const CANVAS_GESTURES = [
  ['pan', 'panHow'],
  ['selectSeveral', 'selectSeveralHow'],
  ['zoom', 'zoomHow'],
  ['moveSelection', 'moveSelectionHow'],
] as const;

/** Working without a mouse (keys of the `keyboard` group). */
const KEYBOARD_WAYS = [
  ['focusNodes', 'focusNodesHow'],
  ['connect', 'connectHow'],
] as const;

export function HelpOverlay() {
  const { t } = useTranslation();
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
        aria-label={t('help.title')}
        className="tl-dialog tl-help"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2>{t('help.title')}</h2>
        <table>
          <tbody>
            {COMMANDS.filter((c) => c.shortcuts.length).map((c) => (
              <tr key={c.id}>
                <td>{commandLabel(c.id)}</td>
                <td>
                  {c.shortcuts.map((s) => (
                    <kbd key={s}>{formatShortcut(s, mac)}</kbd>
                  ))}
                </td>
              </tr>
            ))}
            {CANVAS_GESTURES.map(([what, how]) => (
              <tr key={what}>
                <td>{t(`help.${what}`)}</td>
                <td>{t(`help.${how}`)}</td>
              </tr>
            ))}
            {KEYBOARD_WAYS.map(([what, how]) => (
              <tr key={what}>
                <td>{t(`keyboard.${what}`)}</td>
                <td>{t(`keyboard.${how}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <LanguagePicker />
        <button type="button" ref={focusWithoutScrolling} onClick={close}>
          {t('dialogs.close')}
        </button>
      </div>
    </div>
  );
}

/** The close button takes focus, but the list opens at its top, not scrolled down to it. */
function focusWithoutScrolling(button: HTMLButtonElement | null) {
  if (!button) return;
  button.focus({ preventScroll: true });
  const dialog = button.closest('.tl-dialog');
  if (dialog) dialog.scrollTop = 0;
}

/** System (the language it gives now), English or Deutsch; stored through the host. */
function LanguagePicker() {
  const { t } = useTranslation();
  const { setting, system } = useStore(languageStore);
  return (
    <label className="tl-language">
      {t('language.label')}{' '}
      <select
        value={setting}
        onChange={(e) =>
          void chooseLanguage(getHost(), e.target.value as LanguageSetting).catch(() => undefined)
        }
      >
        <option value="system">
          {t('language.system', { language: LANGUAGE_NAMES[resolveSystemLanguage(system)] })}
        </option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
