// Finds a Chromium for the end-to-end tests, installing one where that is possible:
// $THREADLINE_CHROMIUM, /usr/bin/chromium, `chromium` on PATH, `apt-get install chromium` when
// root with apt, then playwright-core's own download. Never gives up silently: it returns
// { path } or { error } with what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function onPath(name) {
  const found = spawnSync('which', [name], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

function known() {
  for (const path of [process.env.THREADLINE_CHROMIUM, '/usr/bin/chromium']) {
    if (path && existsSync(path)) return path;
  }
  return onPath('chromium') ?? onPath('chromium-browser');
}

function tryApt(log) {
  if (process.getuid?.() !== 0 || !onPath('apt-get')) return null;
  log('Installing Chromium with apt-get ...');
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    install();
  }
  return known();
}

function playwrightChromium() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function tryPlaywrightDownload(log) {
  log('Downloading Chromium with playwright-core ...');
  const cli = join(dirname(require.resolve('playwright-core/package.json')), 'cli.js');
  spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 600_000 });
  return playwrightChromium();
}

export function findChromium({ install = true, log = console.log } = {}) {
  const path =
    known() ??
    playwrightChromium() ??
    (install ? (tryApt(log) ?? tryPlaywrightDownload(log)) : null);
  if (path) return { path };
  return {
    error:
      'No Chromium for the end-to-end tests: installing it with apt-get and downloading it with ' +
      'playwright-core both failed. Install Chromium (e.g. `apt-get install chromium`) or set ' +
      'THREADLINE_CHROMIUM to its path.',
  };
}
