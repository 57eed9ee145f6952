// The real desktop shell through playwright-core's Electron driver, where Electron's binary exists.
// Where it does not (no download possible, as in this sandbox), the test is reported as skipped
// with the reason (printed, and in the JSON report's meta for `npm test`'s summary), never as
// passed: browser mode (shell.e2e.ts) covers the same renderer and services meanwhile.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedElectronBinary, NO_BINARY_REASON } from '../../scripts/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..');
const binary = installedElectronBinary();

declare module 'vitest' {
  interface TaskMeta {
    /** Why a test was skipped; scripts/test.mjs lists it in its summary. */
    skipReason?: string;
  }
}

if (!binary) {
  describe('Electron shell', () => {
    it('runs the desktop shell', (context) => {
      const reason = `${NO_BINARY_REASON}; browser mode (shell.e2e.ts) covers the renderer and services`;
      context.task.meta.skipReason = reason;
      console.log(`Electron shell skipped: ${reason}`);
      context.skip(reason);
    });
  });
} else {
  describe('Electron shell', () => {
    let app: ElectronApplication;
    let page: Page;
    let userData: string;

    beforeAll(async () => {
      const build = spawnSync(
        process.execPath,
        [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
      expect(build.status).toBe(0);
      userData = await mkdtemp(join(tmpdir(), 'threadline-electron-'));
      app = await _electron.launch({
        executablePath: binary,
        args: [
          join(root, 'out/main/index.js'),
          `--user-data-dir=${userData}`,
          // Containers run CI as root, where Chromium's own sandbox cannot start.
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ],
        env: { ...process.env, ELECTRON_RENDERER_URL: '' },
      });
      page = await app.firstWindow();
    });
    afterAll(async () => {
      await app?.close();
      if (userData) await rm(userData, { recursive: true, force: true });
    });

    it('shows the welcome example on the canvas', async () => {
      const welcome = JSON.parse(
        await readFile(join(root, 'flows/examples/welcome.flow.json'), 'utf8'),
      ) as { nodes: unknown[] };
      const nodes = page.getByRole('region', { name: 'Canvas' }).locator('.react-flow__node');
      await expect.poll(() => nodes.count(), { timeout: 30_000 }).toBe(welcome.nodes.length);
    });

    it('gives the page the host bridge and nothing of Node', async () => {
      const globals = await page.evaluate(() => ({
        bridge: typeof (window as { threadline?: unknown }).threadline,
        require: typeof (window as { require?: unknown }).require,
        process: typeof (window as { process?: unknown }).process,
      }));
      expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
    });

    it('opens no new windows and navigates nowhere', async () => {
      const opened = await page.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.com';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/threadline\//);
      expect(app.windows()).toHaveLength(1);
    });

    it('has the File, Edit, View and Help menus', async () => {
      const labels = await app.evaluate(({ Menu }) =>
        Menu.getApplicationMenu()!.items.map((i) => i.label.replace('&', '')),
      );
      expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    });
  });
}
