// `npm test`: every check in order — typecheck, lint (eslint, prettier), import cycles,
// Electron's security checks, unit tests, end-to-end tests in Chromium — then a summary. Every
// step runs even after a failure, so one run shows everything; the exit code is non-zero on any
// failure and the last line is `N passed, N failed` (tests, and each other check as one), for CI,
// plus `, N skipped` when tests were skipped (each listed with its reason in the summary).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runElectronegativity } from './electronegativity.mjs';
import { findChromium } from './find-chromium.mjs';
import { findCycles } from './import-cycles.mjs';
import { summarizeVitestReport } from './vitest-summary.mjs';

const root = join(import.meta.dirname, '..');
const bin = (...path) => join(root, 'node_modules', ...path);
const results = [];

function node(args, env = {}) {
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
  });
  return run.status === 0;
}

/** "N tests passed, N failed, N skipped", the first failures and every skip with its reason. */
function vitestCounts(file) {
  try {
    return summarizeVitestReport(JSON.parse(readFileSync(join(root, file), 'utf8')), root);
  } catch {
    return { detail: 'no test report' };
  }
}

function step(name, run) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let ok = false;
  let detail = '';
  let counts = null;
  try {
    const outcome = run();
    ok = typeof outcome === 'boolean' ? outcome : outcome.ok;
    detail = typeof outcome === 'boolean' ? '' : (outcome.detail ?? '');
    counts = typeof outcome === 'boolean' ? null : outcome.passed === undefined ? null : outcome;
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok, detail, seconds, counts });
}

mkdirSync(join(root, 'test-results'), { recursive: true });

step('typecheck (tsc)', () =>
  node([bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']),
);
step('lint (eslint)', () => node([bin('eslint', 'bin', 'eslint.js'), '.']));
step('format (prettier --check)', () =>
  node([bin('prettier', 'bin', 'prettier.cjs'), '--check', '.']),
);
step('import cycles', () => {
  const cycles = findCycles(root);
  for (const cycle of cycles) console.log(`cycle: ${cycle.chain.join(' → ')}`);
  const detail = `${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}`;
  console.log(detail);
  return { ok: cycles.length === 0, detail };
});
step('electron security (electronegativity)', () => {
  const result = runElectronegativity();
  console.log(result.lines.join('\n'));
  return { ok: result.ok, detail: result.lines.at(-1) };
});
step('unit tests (vitest)', () => {
  const ok = node([
    bin('vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit.json',
  ]);
  return { ok, ...vitestCounts('test-results/unit.json') };
});
step('end-to-end tests (Chromium)', () => {
  const chromium = findChromium();
  if (chromium.error) return { ok: false, detail: chromium.error };
  console.log(`Chromium: ${chromium.path}`);
  const ok = node(
    [
      bin('vitest', 'vitest.mjs'),
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/e2e.json',
    ],
    { THREADLINE_CHROMIUM: chromium.path, BROWSER: 'none' },
  );
  return { ok, ...vitestCounts('test-results/e2e.json') };
});

// The last line counts tests: each vitest test, plus each other check (typecheck, lint, ...) as
// one. A step that failed without a test failing (a crash, a missing report) counts as one failure.
// Skipped tests (like the Electron shell's without its binary) count as skipped, not passed.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  if (r.counts) {
    passed += r.counts.passed;
    skipped += r.counts.skipped ?? 0;
    failed += r.counts.failed || (r.ok ? 0 : 1);
  } else if (r.ok) passed += 1;
  else failed += 1;
}
console.log('\n━━ summary ━━');
for (const r of results) {
  const detail = r.detail ? ` — ${r.detail}` : '';
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.seconds}s)${detail}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
