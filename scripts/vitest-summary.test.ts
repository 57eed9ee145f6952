import { describe, expect, it } from 'vitest';
import { summarizeVitestReport } from './vitest-summary.mjs';

const root = '/repo';

function report(tests: { status: string; name: string; skipReason?: string }[]) {
  const count = (status: string) => tests.filter((t) => t.status === status).length;
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    testResults: [
      {
        name: `${root}/test/e2e/electron.e2e.ts`,
        assertionResults: tests.map((t) => ({
          status: t.status,
          fullName: t.name,
          meta: t.skipReason ? { skipReason: t.skipReason } : {},
        })),
      },
    ],
  };
}

describe('the test summary of a vitest report', () => {
  it('counts a skipped test as skipped, with its reason, not as passed', () => {
    const summary = summarizeVitestReport(
      report([
        { status: 'passed', name: 'Shell opens' },
        { status: 'skipped', name: 'Electron shell runs', skipReason: 'no Electron binary' },
      ]),
      root,
    );
    expect(summary).toMatchObject({ passed: 1, failed: 0, skipped: 1 });
    expect(summary.detail).toBe(
      '1 tests passed, 0 failed, 1 skipped' +
        '\n        ↓ test/e2e/electron.e2e.ts: Electron shell runs (skipped: no Electron binary)',
    );
  });

  it('names failures and says when a skip gave no reason', () => {
    const summary = summarizeVitestReport(
      report([
        { status: 'failed', name: 'Shell opens' },
        { status: 'pending', name: 'Later' },
      ]),
      root,
    );
    expect(summary).toMatchObject({ passed: 0, failed: 1, skipped: 1 });
    expect(summary.detail).toContain('✗ test/e2e/electron.e2e.ts: Shell opens');
    expect(summary.detail).toContain(
      '↓ test/e2e/electron.e2e.ts: Later (skipped: no reason given)',
    );
  });

  it('adds nothing about skips when none were skipped', () => {
    const summary = summarizeVitestReport(report([{ status: 'passed', name: 'a' }]), root);
    expect(summary.detail).toBe('1 tests passed, 0 failed');
    expect(summary.skipped).toBe(0);
  });
});
