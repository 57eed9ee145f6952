// Electron main: thin. It makes the window, the menu and the dialogs, and routes the typed host
// API (IPC) to the same services that browser mode serves over HTTP.
import { join } from 'node:path';
import { app, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { resolveLanguage, type MenuCommand } from '../host-api';
import { serviceHandlers, type ChannelHandlers } from '../host-dispatch';
import { MENU_COMMAND_CHANNEL } from '../ipc-names';
import { createHostServices } from '../services';
import { createSafeStorageSecretStore } from '../services/secrets';
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES, serveRenderer } from './app-protocol';
import { createCloseGuard } from './close-guard';
import { createDialogHandlers, recentDir } from './dialogs';
import { registerHostIpc } from './ipc';
import { buildMenuTemplate, CLOSE_DIALOG_TEXT } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { isTrustedSender } from './trusted-sender';
import { createMainWindow } from './window';

// electron-vite sets this in development; in a build the renderer comes from app://.
const devServerUrl = process.env.ELECTRON_RENDERER_URL || undefined;
const rendererOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const flowArg = (argv: string[]) => argv.slice(1).find((a) => a.endsWith('.flow.json')) ?? null;

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer sandboxed, whatever its webPreferences say (must run before ready).
app.enableSandbox();
hardenWebContents(app);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, rendererOrigin);
  if (!devServerUrl) serveRenderer(protocol, join(import.meta.dirname, '../renderer'));

  const userDataDir = app.getPath('userData');
  const services = createHostServices({
    userDataDir,
    secrets: createSafeStorageSecretStore(join(userDataDir, 'secrets.json'), safeStorage),
    mode: 'electron',
    initialPath: flowArg(process.argv),
  });
  services.info.version = app.getVersion();
  services.info.locale = app.getLocale();
  // The menu and the close dialog speak the designer's language (the setting, else the system's).
  const language = async () =>
    resolveLanguage((await services.settings.get()).language ?? 'system', [app.getLocale()]);

  const win = await createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    settings: services.settings,
  });
  const send = (command: MenuCommand, arg?: string) => {
    if (!win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command, arg);
  };
  const refreshMenu = async () => {
    const template = buildMenuTemplate(
      { send, quit: () => app.quit(), toggleDevTools: () => win.webContents.toggleDevTools() },
      await services.documents.recent(),
      process.platform,
      await language(),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  const guard = createCloseGuard({
    ask: async () => {
      const text = CLOSE_DIALOG_TEXT[await language()];
      const { response } = await dialog.showMessageBox(win, {
        type: 'warning',
        message: text.message,
        detail: text.detail,
        buttons: [...text.buttons],
        defaultId: 0,
        cancelId: 2,
      });
      return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
    },
    requestSave: () => send('file.save'),
    close: () => win.close(),
  });
  win.on('close', (event) => guard.onClose(event));

  const dialogs = createDialogHandlers({
    dialog,
    window: () => (win.isDestroyed() ? null : win),
    documents: services.documents,
    defaultDir: () => recentDir(services.documents, app.getPath('documents')),
  });
  const shared = serviceHandlers(services);
  // Calls that change the recent-files list also refresh File > Open Recent.
  const thenRefresh =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      const result = await fn(...args);
      await refreshMenu();
      return result;
    };
  const handlers: ChannelHandlers = {
    ...shared,
    'documents.open': thenRefresh(shared['documents.open']),
    'documents.save': thenRefresh(shared['documents.save']),
    'documents.showOpen': thenRefresh(dialogs.showOpen),
    'documents.showSaveAs': thenRefresh(dialogs.showSaveAs),
    'settings.setLanguage': thenRefresh(shared['settings.setLanguage']),
    'window.setTitle': async (title) => win.setTitle(title),
    'window.setDirty': async (dirty) => {
      win.setDocumentEdited(dirty);
      guard.setDirty(dirty);
    },
  };
  registerHostIpc(ipcMain, handlers, (event) =>
    isTrustedSender(event, win.webContents, rendererOrigin),
  );
  await refreshMenu();

  // A second launch with a file (or macOS's open-file) opens it in this window.
  app.on('second-instance', (_event, argv) => {
    const path = flowArg(argv);
    if (path) send('file.openRecent', path);
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    send('file.openRecent', path);
  });
  app.on('window-all-closed', () => app.quit());

  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}
