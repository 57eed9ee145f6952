// Electron main with `electron` mocked: the wiring of window, IPC, menu and hardening.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { HostChannels } from '../host-api';

type Fn = (...args: never[]) => unknown;
const userData = await mkdtemp(join(tmpdir(), 'tl-main-'));
const appHandlers = new Map<string, Fn>();
const ipcHandlers = new Map<string, Fn>();
const windowHandlers = new Map<string, Fn>();
const webContents = { send: vi.fn(), toggleDevTools: vi.fn() };
const fakeWindow = {
  webContents,
  loadURL: vi.fn(async () => undefined),
  setTitle: vi.fn(),
  setDocumentEdited: vi.fn(),
  close: vi.fn(),
  maximize: vi.fn(),
  show: vi.fn(),
  focus: vi.fn(),
  restore: vi.fn(),
  isDestroyed: () => false,
  isMinimized: () => false,
  isMaximized: () => false,
  getBounds: () => ({ x: 0, y: 0, width: 1400, height: 900 }),
  on: (event: string, fn: Fn) => windowHandlers.set(event, fn),
  once: (event: string, fn: Fn) => windowHandlers.set(event, fn),
};
const electron = {
  app: {
    on: (event: string, fn: Fn) => appHandlers.set(event, fn),
    requestSingleInstanceLock: () => true,
    enableSandbox: vi.fn(),
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    getVersion: () => '9.9.9',
    getLocale: () => 'en-US',
    quit: vi.fn(),
  },
  BrowserWindow: vi.fn(function BrowserWindow() {
    return fakeWindow;
  }),
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  dialog: {
    showMessageBox: vi.fn(async () => ({ response: 2 })),
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(),
  },
  ipcMain: { handle: (channel: string, fn: Fn) => ipcHandlers.set(channel, fn) },
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: vi.fn(),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    },
  },
};
vi.mock('electron', () => electron);

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL;
  await import('./index');
  await vi.waitFor(() => expect(fakeWindow.loadURL).toHaveBeenCalled());
});

const ours = {
  sender: webContents,
  senderFrame: { url: 'app://threadline/index.html', parent: null },
};
const currentMenu = () =>
  electron.Menu.setApplicationMenu.mock.lastCall?.[0] as unknown as MenuItemConstructorOptions[];

describe('Electron main', () => {
  it('loads the built renderer from app://, not from the network or file://', () => {
    expect(fakeWindow.loadURL).toHaveBeenCalledWith('app://threadline/index.html');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('sandboxes every renderer process, not only the main window', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('answers every host channel over IPC, for our window only', async () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.keys(HostChannels).sort());
    const info = ipcHandlers.get('app.info') as (e: unknown) => Promise<unknown>;
    expect(await info(ours)).toMatchObject({
      ok: true,
      value: { name: 'Threadline', version: '9.9.9', mode: 'electron' },
    });
    const stranger = { sender: {}, senderFrame: ours.senderFrame };
    expect(await info(stranger)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('blocks navigation, new windows and webviews in every web contents', () => {
    const handlers = new Map<string, Fn>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (event: string, fn: Fn) => handlers.set(event, fn),
      setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
    };
    (appHandlers.get('web-contents-created') as (e: unknown, c: unknown) => void)({}, contents);
    expect(openHandler?.()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      (handlers.get(event) as (e: unknown) => void)({ preventDefault });
      expect(preventDefault).toHaveBeenCalled();
    }
  });

  it('denies every permission and cancels requests to remote hosts', () => {
    const session = electron.session.defaultSession;
    const grant = vi.fn();
    const requestHandler = session.setPermissionRequestHandler.mock.lastCall?.[0] as unknown as Fn;
    (requestHandler as (...a: unknown[]) => void)({}, 'media', grant);
    expect(grant).toHaveBeenCalledWith(false);
    const onBefore = session.webRequest.onBeforeRequest.mock.lastCall?.[0] as unknown as (
      d: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const answer = vi.fn();
    onBefore({ url: 'https://example.com/tracker.png' }, answer);
    onBefore({ url: 'app://threadline/assets/index.js' }, answer);
    expect(answer.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
  });

  it('sends menu commands to the renderer through the menu channel', () => {
    const file = currentMenu().find((m) => m.label === '&File');
    const save = (file?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Save');
    (save?.click as unknown as () => void)();
    expect(webContents.send).toHaveBeenCalledWith('menu.command', 'file.save', undefined);
  });

  it('asks before closing a window with unsaved changes', async () => {
    const setDirty = ipcHandlers.get('window.setDirty') as (
      e: unknown,
      d: boolean,
    ) => Promise<unknown>;
    expect(await setDirty(ours, true)).toEqual({ ok: true, value: null });
    expect(fakeWindow.setDocumentEdited).toHaveBeenCalledWith(true);
    const preventDefault = vi.fn();
    (windowHandlers.get('close') as (e: unknown) => void)({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    expect(fakeWindow.close).not.toHaveBeenCalled(); // the mocked answer is Cancel
  });
});

describe('Electron main in another language', () => {
  it('reports the system locale and rebuilds the menu in the chosen language', async () => {
    const call = (channel: string, ...args: unknown[]) =>
      (ipcHandlers.get(channel) as (e: unknown, ...a: unknown[]) => Promise<unknown>)(
        ours,
        ...args,
      );
    expect(await call('app.info')).toMatchObject({
      value: { locale: 'en-US', language: 'system' },
    });
    expect(currentMenu().map((m) => m.label)).toContain('&File');
    expect(await call('settings.setLanguage', 'de')).toEqual({ ok: true, value: null });
    expect(currentMenu().map((m) => m.label)).toEqual([
      '&Datei',
      '&Bearbeiten',
      '&Ansicht',
      '&Hilfe',
    ]);
    expect(await call('app.info')).toMatchObject({ value: { language: 'de' } });
    await call('settings.setLanguage', 'system');
    expect(currentMenu().map((m) => m.label)).toContain('&File');
  });
});
