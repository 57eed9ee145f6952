// The summary line of one vitest JSON report, for `npm test` (scripts/test.mjs): passed, failed
// and skipped tests, with the first failures by name and every skipped test with its reason (a
// test puts it in `context.task.meta.skipReason` before `context.skip(reason)`), so a skip is
// never mistaken for a pass.

/**
 * @param {any} report vitest's JSON report
 * @param {string} root the repository root, cut from file names
 * @returns {{ detail: string, passed: number, failed: number, skipped: number }}
 */
export function summarizeVitestReport(report, root) {
  const tests = (report.testResults ?? []).flatMap((suite) =>
    (suite.assertionResults ?? []).map((t) => ({
      ...t,
      where: `${suite.name.replace(`${root}/`, '')}: ${t.fullName}`,
    })),
  );
  const failures = tests.filter((t) => t.status === 'failed').map((t) => t.where);
  const skips = tests.filter((t) => ['skipped', 'pending', 'todo', 'disabled'].includes(t.status));
  const shown = failures.slice(0, 10).map((f) => `\n        ✗ ${f}`);
  if (failures.length > shown.length) shown.push(`\n        … and ${failures.length - 10} more`);
  const skipped = skips.map(
    (t) => `\n        ↓ ${t.where} (skipped: ${t.meta?.skipReason ?? 'no reason given'})`,
  );
  const skipCount = skips.length ? `, ${skips.length} skipped` : '';
  return {
    detail: `${report.numPassedTests} tests passed, ${report.numFailedTests} failed${skipCount}${shown.join('')}${skipped.join('')}`,
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: skips.length,
  };
}
