import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../flows/lint';
import { DOC_PATH, README_PATH, lintCodesMarkdown, readmeWithLintCodes } from './lint-codes';

describe('the lint code tables', () => {
  it('docs/lint-codes.md is up to date with LINT_RULES (run npx tsx scripts/lint-codes.ts)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(lintCodesMarkdown());
  });

  it("the README's lint codes are up to date with LINT_RULES (run npx tsx scripts/lint-codes.ts)", () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme).toBe(readmeWithLintCodes(readme));
  });

  it('lists every code with its severity', () => {
    const doc = lintCodesMarkdown();
    for (const rule of LINT_RULES) expect(doc).toContain(`| \`${rule.code}\` | ${rule.severity} |`);
  });
});
