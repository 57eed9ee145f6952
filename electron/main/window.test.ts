// createMainWindow with Electron mocked: the security settings and the remembered bounds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettingsService } from '../services/settings';

const created: FakeWindow[] = [];

class FakeWindow {
  handlers = new Map<string, () => void>();
  maximize = vi.fn();
  show = vi.fn();
  constructor(public options: Record<string, unknown>) {
    created.push(this);
  }
  once(event: string, fn: () => void) {
    this.handlers.set(event, fn);
  }
  on(event: string, fn: () => void) {
    this.handlers.set(event, fn);
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  isMaximized = () => false;
  getBounds = () => ({ x: 30, y: 40, width: 1000, height: 700 });
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

const { createMainWindow } = await import('./window');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-window-'));
  created.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('main window', () => {
  it('isolates and sandboxes the renderer, with no Node integration', async () => {
    await createMainWindow({ preloadPath: '/p/index.cjs', settings: createSettingsService(dir) });
    expect(created[0]?.options.webPreferences).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('opens at the size and place it had last time, maximized if it was', async () => {
    const settings = createSettingsService(dir);
    await settings.update({ window: { x: 50, y: 60, width: 1100, height: 750, maximized: true } });
    await createMainWindow({ preloadPath: '/p', settings });
    expect(created[0]?.options).toMatchObject({ x: 50, y: 60, width: 1100, height: 750 });
    expect(created[0]?.maximize).toHaveBeenCalled();
  });

  it('remembers its size and place when it closes', async () => {
    const settings = createSettingsService(dir);
    await createMainWindow({ preloadPath: '/p', settings });
    created[0]?.handlers.get('close')?.();
    await vi.waitFor(async () =>
      expect((await settings.get()).window).toEqual({
        x: 30,
        y: 40,
        width: 1000,
        height: 700,
        maximized: false,
      }),
    );
  });
});
