import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from './menu';

function setup(recent: string[] = [], platform: NodeJS.Platform = 'linux') {
  const actions: MenuActions = { send: vi.fn(), quit: vi.fn(), toggleDevTools: vi.fn() };
  const template = buildMenuTemplate(actions, recent, platform);
  const menu = (label: string) =>
    (template.find((m) => m.label?.replace('&', '') === label)?.submenu ??
      []) as MenuItemConstructorOptions[];
  const item = (menuLabel: string, label: string) => {
    const found = menu(menuLabel).find((i) => i.label === label);
    if (!found) throw new Error(`no ${menuLabel} > ${label}`);
    return found;
  };
  const click = (entry: MenuItemConstructorOptions) =>
    (entry.click as unknown as () => void | undefined)?.();
  return { actions, template, menu, item, click };
}

describe('application menu', () => {
  it('has File, Edit, View and Help with the commands of the issue', () => {
    const { menu } = setup();
    const labels = (name: string) => menu(name).map((i) => i.label ?? i.role ?? i.type);
    expect(labels('File')).toEqual([
      'New',
      'Open…',
      'Open Recent',
      'separator',
      'Save',
      'Save As…',
      'separator',
      'Quit',
    ]);
    expect(labels('Edit')).toEqual([
      'Undo',
      'Redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'Select All',
    ]);
    expect(labels('View')).toEqual([
      'Zoom In',
      'Zoom Out',
      'Fit',
      'separator',
      'Toggle Developer Tools',
    ]);
    expect(labels('Help')).toEqual(['About Threadline']);
  });

  it('sends each document and view command to the renderer', () => {
    const { actions, item, click } = setup();
    click(item('File', 'Save As…'));
    click(item('Edit', 'Undo'));
    click(item('View', 'Fit'));
    click(item('Help', 'About Threadline'));
    expect(vi.mocked(actions.send).mock.calls).toEqual([
      ['file.saveAs'],
      ['edit.undo'],
      ['view.fit'],
      ['help.about'],
    ]);
  });

  it('sends the command named by each item (Undo is undo, Redo is redo)', () => {
    const expected: [string, string, string][] = [
      ['File', 'New', 'file.new'],
      ['File', 'Open…', 'file.open'],
      ['File', 'Save', 'file.save'],
      ['File', 'Save As…', 'file.saveAs'],
      ['Edit', 'Undo', 'edit.undo'],
      ['Edit', 'Redo', 'edit.redo'],
      ['Edit', 'Select All', 'edit.selectAll'],
      ['View', 'Zoom In', 'view.zoomIn'],
      ['View', 'Zoom Out', 'view.zoomOut'],
      ['View', 'Fit', 'view.fit'],
      ['Help', 'About Threadline', 'help.about'],
    ];
    for (const platform of ['linux', 'darwin'] as const) {
      const { actions, item, click } = setup([], platform);
      for (const [menuLabel, label, command] of expected) {
        vi.mocked(actions.send).mockClear();
        click(item(menuLabel, label));
        expect(vi.mocked(actions.send).mock.calls, `${menuLabel} › ${label}`).toEqual([[command]]);
      }
    }
  });

  it('gives Undo and Redo their platform accelerators', () => {
    expect(setup([], 'linux').item('Edit', 'Redo').accelerator).toBe('Ctrl+Y');
    expect(setup([], 'darwin').item('Edit', 'Redo').accelerator).toBe('Cmd+Shift+Z');
    expect(setup().item('Edit', 'Undo').accelerator).toBe('CmdOrCtrl+Z');
  });

  it('lists recent files by name and sends the chosen path', () => {
    const { actions, item, click } = setup(['/home/ann/shop.flow.json']);
    const recent = item('File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label)).toEqual(['shop.flow.json']);
    click(recent[0]!);
    expect(actions.send).toHaveBeenCalledWith('file.openRecent', '/home/ann/shop.flow.json');
  });

  it('shows a disabled entry when there are no recent files', () => {
    const recent = setup().item('File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('quits and toggles developer tools through the shell, not the renderer', () => {
    const { actions, item, click } = setup();
    click(item('File', 'Quit'));
    click(item('View', 'Toggle Developer Tools'));
    expect(actions.quit).toHaveBeenCalledOnce();
    expect(actions.toggleDevTools).toHaveBeenCalledOnce();
    expect(actions.send).not.toHaveBeenCalled();
  });

  it('adds the application menu on macOS', () => {
    expect(setup([], 'darwin').template[0]?.label).toBe('Threadline');
  });
});

describe('application menu in German', () => {
  it('labels every menu and item in German, with the same commands', () => {
    const actions: MenuActions = { send: vi.fn(), quit: vi.fn(), toggleDevTools: vi.fn() };
    const template = buildMenuTemplate(actions, [], 'linux', 'de');
    expect(template.map((m) => m.label)).toEqual(['&Datei', '&Bearbeiten', '&Ansicht', '&Hilfe']);
    const edit = template[1]!.submenu as MenuItemConstructorOptions[];
    expect(edit.map((i) => i.label ?? i.type)).toEqual([
      'Rückgängig',
      'Wiederholen',
      'separator',
      'Ausschneiden',
      'Kopieren',
      'Einfügen',
      'Alles auswählen',
    ]);
    expect(edit.slice(3, 6).map((i) => i.role)).toEqual(['cut', 'copy', 'paste']);
    const file = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.find((i) => i.label === 'Zuletzt geöffnet')?.submenu).toEqual([
      { label: 'Keine zuletzt geöffneten Dateien', enabled: false },
    ]);
    (file[0]!.click as unknown as () => void)();
    expect(actions.send).toHaveBeenCalledWith('file.new');
  });
});
