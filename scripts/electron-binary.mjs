// Where Electron's binary is, if it is installed. The `electron` package downloads it on first
// launch (its install.js); on a machine without that download (no internet, a blocked CDN) it
// stays missing, and we would rather say so than print a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Why the desktop shell's tests cannot run when installedElectronBinary() is null. */
export const NO_BINARY_REASON =
  "no Electron binary on this machine (the electron package's download did not run or failed)";

/** The binary's path when it exists, else null. Never downloads. */
export function installedElectronBinary() {
  const dir = electronPackageDir();
  if (!dir) return null;
  let relative = 'electron';
  try {
    relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  }
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const binary = join(base, relative);
  return existsSync(binary) ? binary : null;
}

/** The binary, downloading it first (as a first launch would) when it is missing. */
export function ensureElectronBinary({ quiet = true } = {}) {
  const found = installedElectronBinary();
  if (found) return found;
  const dir = electronPackageDir();
  if (!dir) return null;
  spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: quiet ? 'ignore' : 'inherit',
    timeout: 300_000,
  });
  return installedElectronBinary();
}
