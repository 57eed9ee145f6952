// Electron's own security checks: electronegativity over electron/ and renderer/. It always exits
// 0, so we read its SARIF report and fail on every finding not accepted, with a reason, in
// electron/electronegativity-accepted.json. Its online release check is skipped (no network in CI).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Check class names, as electronegativity's -x expects them.
const SKIPPED = ['AvailableSecurityFixesGlobalCheck'];
const SCANNED = ['electron', 'renderer'];

export function runElectronegativity() {
  const work = mkdtempSync(join(tmpdir(), 'threadline-electronegativity-'));
  try {
    // One input folder holding both, so global checks (CSP, navigation) see the whole app.
    for (const dir of SCANNED) {
      cpSync(join(root, dir), join(work, dir), {
        recursive: true,
        filter: (src) => !src.includes('node_modules') && !/\.test\.tsx?$/.test(src),
      });
    }
    const sarif = join(work, 'report.sarif');
    const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
    const electronVersion = require('electron/package.json').version;
    const run = spawnSync(
      process.execPath,
      [
        join(pkgDir, 'dist', 'index.js'),
        ...['-i', work, '-o', sarif, '-r', '-v', 'false'],
        ...['-e', electronVersion, '-x', SKIPPED.join(',')],
      ],
      { encoding: 'utf8' },
    );
    let report;
    try {
      report = JSON.parse(readFileSync(sarif, 'utf8'));
    } catch {
      return { ok: false, lines: ['electronegativity wrote no report:', run.stdout, run.stderr] };
    }
    return judge(findingsOf(report, work));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function findingsOf(report, work) {
  const results = report?.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('electronegativity: unexpected SARIF shape');
  return results.map((r) => {
    const location = r.locations?.[0]?.physicalLocation;
    const uri = String(location?.artifactLocation?.uri ?? '');
    const file = uri.replace(/^file:\/\//, '').replace(`${work}/`, '');
    return {
      check: String(r.ruleId),
      file: file === '/' ? '' : file,
      line: location?.region?.startLine ?? 0,
      message: String(r.message?.text ?? '').split('\n')[0],
    };
  });
}

function judge(findings) {
  const accepted = JSON.parse(
    readFileSync(join(root, 'electron', 'electronegativity-accepted.json'), 'utf8'),
  );
  const isAccepted = (f) =>
    accepted.some((a) => a.check === f.check && a.file === f.file && a.reason?.length > 10);
  const open = findings.filter((f) => !isAccepted(f));
  const lines = findings.map(
    (f) =>
      `  ${isAccepted(f) ? 'accepted' : 'FINDING '} ${f.check} ${f.file || '(global)'}` +
      `${f.line ? `:${f.line}` : ''}: ${f.message}`,
  );
  const stale = accepted.filter(
    (a) => !findings.some((f) => f.check === a.check && f.file === a.file),
  );
  for (const a of stale)
    lines.push(`  note: accepted ${a.check} ${a.file} is no longer reported; remove it`);
  lines.push(`electronegativity: ${findings.length} findings, ${open.length} not accepted`);
  return { ok: open.length === 0, lines };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = runElectronegativity();
  console.log(result.lines.join('\n'));
  process.exit(result.ok ? 0 : 1);
}
