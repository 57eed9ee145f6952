// The main window: hardened webPreferences, restored size and position.
import { BrowserWindow, screen } from 'electron';
import type { SettingsService } from '../services/settings';
import { DEFAULT_SIZE, restorableBounds, toWindowBounds } from './window-state';

export async function createMainWindow(options: {
  preloadPath: string;
  settings: SettingsService;
}): Promise<BrowserWindow> {
  const saved = (await options.settings.get()).window;
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = restorableBounds(saved, areas) ?? DEFAULT_SIZE;
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Threadline',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      // Middle-click would open links in a new window; we never want new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  rememberBounds(win, options.settings);
  return win;
}

function rememberBounds(win: BrowserWindow, settings: SettingsService): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
    void settings.update({ window: toWindowBounds(bounds, win.isMaximized()) });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
