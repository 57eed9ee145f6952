// compileFlow (docs/format.md §3): lint, then turn the document into the deterministic compiled flow the
// runtime and the engine run. A document with lint errors is refused with those errors.
import { hasErrors, lintFlow, type LintFinding } from '../lint';
import { COMPILED_FORMAT, COMPILED_VERSION, type CompiledFlow, type FlowDocument } from '../schema';
import { canonicalize, compiledJson } from './canonical';
import { checkCompiledFlow } from './check';
import { buildEntries } from './entries';
import { buildSteps } from './steps';

export { compiledRevision } from './canonical';
export { checkCompiledFlow } from './check';

export type CompileResult =
  | { ok: true; compiled: CompiledFlow; json: string; warnings: LintFinding[] }
  | { ok: false; findings: LintFinding[] };

export interface CompileOptions {
  /** Findings of lintFlow(doc) when the caller already has them (saves linting twice). */
  findings?: readonly LintFinding[];
  /**
   * Check the output as a runtime checks a publish (default true). The designer turns it off for
   * its per-edit compile: it lints the document once per edit, and a publish is checked anyway.
   */
  check?: boolean;
}

export function compileFlow(doc: FlowDocument, options: CompileOptions = {}): CompileResult {
  const findings = options.findings ?? lintFlow(doc);
  if (hasErrors(findings))
    return { ok: false, findings: findings.filter((f) => f.severity === 'error') };
  const compiled = canonicalize({
    format: COMPILED_FORMAT,
    version: COMPILED_VERSION,
    flowId: doc.id,
    name: doc.name,
    entries: buildEntries(doc),
    ...(doc.disclosure !== undefined ? { disclosure: doc.disclosure } : {}),
    ...(doc.defaultLocale !== undefined ? { defaultLocale: doc.defaultLocale } : {}),
    ...(doc.profile !== undefined ? { profile: doc.profile } : {}),
    variables: doc.variables,
    steps: buildSteps(doc),
  });
  // The same check a runtime makes on publish: a compiler bug must not produce a broken flow.
  const broken = options.check === false ? [] : checkCompiledFlow(compiled);
  if (broken.length > 0) return { ok: false, findings: broken };
  return { ok: true, compiled, json: compiledJson(compiled), warnings: [...findings] };
}
