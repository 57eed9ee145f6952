import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedElectronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
let dir: string;
const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-electron-'));
  process.env.ELECTRON_OVERRIDE_DIST_PATH = dir;
});
afterEach(async () => {
  if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
  await rm(dir, { recursive: true, force: true });
});

describe("finding Electron's binary", () => {
  it('reports none when the binary file is missing', () => {
    expect(installedElectronBinary()).toBeNull();
  });

  it('finds the binary once it is there', async () => {
    // path.txt (written by Electron's install) names the binary; without it, "electron".
    const pathTxt = join(dirname(require.resolve('electron/package.json')), 'path.txt');
    const name = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : 'electron';
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), '');
    expect(installedElectronBinary()).toBe(join(dir, name));
  });
});
