// The application menu. Each document and edit command goes to the renderer as a MenuCommand;
// the renderer owns the document, main only owns the window.
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../host-api';

export interface MenuActions {
  send(command: MenuCommand, arg?: string): void;
  quit(): void;
  toggleDevTools(): void;
}

export function buildMenuTemplate(
  actions: MenuActions,
  recent: string[],
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
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
    : [{ label: 'No recent files', enabled: false }];
  const macAppMenu: MenuItemConstructorOptions[] =
    platform === 'darwin'
      ? [
          {
            label: 'Threadline',
            submenu: [item('About Threadline', 'help.about'), { role: 'quit' }],
          },
        ]
      : [];
  return [
    ...macAppMenu,
    {
      label: '&File',
      submenu: [
        item('New', 'file.new', 'CmdOrCtrl+N'),
        item('Open…', 'file.open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        item('Save', 'file.save', 'CmdOrCtrl+S'),
        item('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: '&Edit',
      // Undo, redo and select all mean the designer's history and nodes, so they go to the
      // renderer. Cut, copy and paste stay native: the page gets the same DOM clipboard events as
      // from the keyboard in browser mode, and text fields keep working.
      submenu: [
        item('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit.redo', platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Select All', 'edit.selectAll', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Zoom In', 'view.zoomIn', 'CmdOrCtrl+='),
        item('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-'),
        item('Fit', 'view.fit', 'CmdOrCtrl+0'),
        { type: 'separator' },
        {
          label: 'Toggle Developer Tools',
          accelerator: platform === 'darwin' ? 'Alt+Cmd+I' : 'Ctrl+Shift+I',
          click: () => actions.toggleDevTools(),
        },
      ],
    },
    { label: '&Help', submenu: [item('About Threadline', 'help.about')] },
  ];
}
