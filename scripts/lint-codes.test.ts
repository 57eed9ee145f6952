import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../flows/lint/catalogue';
import { DOC_PATH, lintCodesMarkdown } from './lint-codes';

describe('docs/lint-codes.md', () => {
  it('is up to date with LINT_RULES (run npx tsx scripts/lint-codes.ts)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(lintCodesMarkdown());
  });

  it('lists every code with its severity', () => {
    const doc = lintCodesMarkdown();
    for (const rule of LINT_RULES) expect(doc).toContain(`| \`${rule.code}\` | ${rule.severity} |`);
  });
});
