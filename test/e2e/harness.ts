// End-to-end harness: starts browser mode (the same startWebHost that `npm run web` uses) on a
// free port with a throwaway user data folder, launches Chromium through playwright-core and opens
// the app with its token (in the URL's fragment, as `npm run web` prints it).
//
//   const app = await startHarness();
//   await app.page.getByRole('region', { name: 'Canvas' }).waitFor();
//   ...
//   await app.close();
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../../electron/web/host';

export interface Harness {
  page: Page;
  browser: Browser;
  /** The app's URL with its token. */
  url: string;
  host: WebHost;
  userDataDir: string;
  /** Uncaught page errors and console errors seen so far, for tests to assert on. */
  errors: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Defaults to a fresh temporary folder, removed on close. */
  userDataDir?: string;
  /** A flow the host reports as documents.initial(). */
  initialPath?: string;
  viewport?: { width: number; height: number };
  /**
   * The browser's language (Chromium's `--lang` and the page's navigator.languages); "en-US"
   * unless given, so that the suite sees the English designer whatever the machine's language.
   */
  locale?: string;
}

/**
 * Chromium's note that a <meta> CSP cannot carry frame-ancestors: harmless (both hosts also send
 * the policy as a header, where it counts; see docs/security.md), and not an error of the app.
 */
const IGNORED_CONSOLE = /directive 'frame-ancestors' is ignored when delivered via a <meta>/;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Finds a Chromium: $THREADLINE_CHROMIUM (set by scripts/test.mjs), /usr/bin/chromium, `chromium`
 * on PATH, then playwright-core's own download. Throws with what to do when there is none.
 */
export function findChromium(): string {
  const candidates = [process.env.THREADLINE_CHROMIUM, '/usr/bin/chromium'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const onPath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (onPath) return onPath;
  } catch {
    // not on PATH
  }
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for the end-to-end tests: install it (apt-get install chromium) or run ' +
      '`npx playwright-core install chromium`, or set THREADLINE_CHROMIUM to its path.',
  );
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownDataDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'threadline-e2e-')));
  const host = await startWebHost({ port: 0, userDataDir, initialPath: options.initialPath });
  let browser: Browser | undefined;
  try {
    const locale = options.locale ?? 'en-US';
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS, `--lang=${locale}`],
    });
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1400, height: 900 },
      locale,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !IGNORED_CONSOLE.test(message.text())) {
        errors.push(`console: ${message.text()}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
    });
    await page.goto(host.url);
    const openedBrowser = browser;
    return {
      page,
      browser: openedBrowser,
      url: host.url,
      host,
      userDataDir,
      errors,
      async close() {
        await openedBrowser.close();
        await host.close();
        if (ownDataDir) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await host.close();
    throw error;
  }
}
