// `npm run test:e2e [-- FILTER]`: the end-to-end tests in Chromium against browser mode.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findChromium } from './find-chromium.mjs';

export function runE2e(extraArgs = [], env = process.env) {
  const chromium = findChromium();
  if (chromium.error) {
    console.error(chromium.error);
    return 1;
  }
  const vitest = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '-c', 'vitest.e2e.config.ts', ...extraArgs],
    { stdio: 'inherit', env: { ...env, THREADLINE_CHROMIUM: chromium.path, BROWSER: 'none' } },
  );
  return run.status ?? 1;
}

if (process.argv[1] === import.meta.filename) process.exit(runE2e(process.argv.slice(2)));
