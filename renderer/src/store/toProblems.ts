// The linter's findings in the designer's shape: field paths as the inspector names its fields
// (`data.blocks.0.text` for the linter's `data.blocks[0].text`).
import type { LintFinding } from '../../../flows';
import type { Problem } from './problem';

export function toProblems(findings: readonly LintFinding[]): Problem[] {
  return findings.map((f) => {
    const problem: Problem = { severity: f.severity, code: f.code, message: f.message };
    if (f.text !== undefined) problem.text = f.text;
    if (f.nodeId !== undefined) problem.nodeId = f.nodeId;
    if (f.field !== undefined) problem.field = f.field.replace(/\[(\d+)\]/g, '.$1');
    if (f.handle !== undefined) problem.handle = f.handle;
    return problem;
  });
}
