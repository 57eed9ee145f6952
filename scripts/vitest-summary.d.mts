export function summarizeVitestReport(
  report: unknown,
  root: string,
): { detail: string; passed: number; failed: number; skipped: number };
