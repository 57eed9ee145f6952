// The application menu. Each document and edit command goes to the renderer as a MenuCommand;
// the renderer owns the document, main only owns the window.
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../host-api';

/** The menu's words in each language the designer speaks (see docs/i18n.md for the glossary). */
export const MENU_TEXT = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    help: '&Help',
    about: 'About Threadline',
    new: 'New',
    open: 'Open…',
    openRecent: 'Open Recent',
    noRecent: 'No recent files',
    save: 'Save',
    saveAs: 'Save As…',
    quit: 'Quit',
    undo: 'Undo',
    redo: 'Redo',
    // Electron names the cut/copy/paste roles itself in English; null keeps its label.
    cut: null,
    copy: null,
    paste: null,
    selectAll: 'Select All',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fit: 'Fit',
    devTools: 'Toggle Developer Tools',
  },
  de: {
    file: '&Datei',
    edit: '&Bearbeiten',
    view: '&Ansicht',
    help: '&Hilfe',
    about: 'Über Threadline',
    new: 'Neu',
    open: 'Öffnen…',
    openRecent: 'Zuletzt geöffnet',
    noRecent: 'Keine zuletzt geöffneten Dateien',
    save: 'Speichern',
    saveAs: 'Speichern unter…',
    quit: 'Beenden',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    fit: 'Einpassen',
    devTools: 'Entwicklertools ein/aus',
  },
} as const satisfies Record<Language, Record<string, string | null>>;

/** The close dialog's words (main asks before closing a window with unsaved changes). */
export const CLOSE_DIALOG_TEXT = {
  en: {
    message: 'Save the changes to this flow before closing?',
    detail: 'Your changes are lost if you close without saving.',
    buttons: ['Save', "Don't Save", 'Cancel'],
  },
  de: {
    message: 'Änderungen an diesem Flow vor dem Schließen speichern?',
    detail: 'Wenn Sie ohne Speichern schließen, gehen Ihre Änderungen verloren.',
    buttons: ['Speichern', 'Nicht speichern', 'Abbrechen'],
  },
} as const satisfies Record<Language, { message: string; detail: string; buttons: string[] }>;

export interface MenuActions {
  send(command: MenuCommand, arg?: string): void;
  quit(): void;
  toggleDevTools(): void;
}

export function buildMenuTemplate(
  actions: MenuActions,
  recent: string[],
  platform: NodeJS.Platform,
  language: Language = 'en',
): MenuItemConstructorOptions[] {
  const t = MENU_TEXT[language];
  const role = (name: 'cut' | 'copy' | 'paste'): MenuItemConstructorOptions =>
    t[name] ? { role: name, label: t[name] } : { role: name };
  const item = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => actions.send(command) });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((path) => ({
        label: basename(path),
        toolTip: path,
        click: () => actions.send('file.openRecent', path),
      }))
    : [{ label: t.noRecent, enabled: false }];
  const macAppMenu: MenuItemConstructorOptions[] =
    platform === 'darwin'
      ? [
          {
            label: 'Threadline',
            submenu: [item(t.about, 'help.about'), { role: 'quit' }],
          },
        ]
      : [];
  return [
    ...macAppMenu,
    {
      label: t.file,
      submenu: [
        item(t.new, 'file.new', 'CmdOrCtrl+N'),
        item(t.open, 'file.open', 'CmdOrCtrl+O'),
        { label: t.openRecent, submenu: recentItems },
        { type: 'separator' },
        item(t.save, 'file.save', 'CmdOrCtrl+S'),
        item(t.saveAs, 'file.saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { label: t.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: t.edit,
      // Undo, redo and select all mean the designer's history and nodes, so they go to the
      // renderer. Cut, copy and paste stay native: the page gets the same DOM clipboard events as
      // from the keyboard in browser mode, and text fields keep working.
      submenu: [
        item(t.undo, 'edit.undo', 'CmdOrCtrl+Z'),
        item(t.redo, 'edit.redo', platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        role('cut'),
        role('copy'),
        role('paste'),
        item(t.selectAll, 'edit.selectAll', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: t.view,
      submenu: [
        item(t.zoomIn, 'view.zoomIn', 'CmdOrCtrl+='),
        item(t.zoomOut, 'view.zoomOut', 'CmdOrCtrl+-'),
        item(t.fit, 'view.fit', 'CmdOrCtrl+0'),
        { type: 'separator' },
        {
          label: t.devTools,
          accelerator: platform === 'darwin' ? 'Alt+Cmd+I' : 'Ctrl+Shift+I',
          click: () => actions.toggleDevTools(),
        },
      ],
    },
    { label: t.help, submenu: [item(t.about, 'help.about')] },
  ];
}
