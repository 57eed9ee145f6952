// The public API of flows/ (docs/architecture.md: the pure core shared by designer, CLI and runtime).
export * from './schema';
export * from './template';
export * from './secrets';
export { compileFlowPattern, flowPatternProblem, testFlowPattern, type FlowPattern } from './regex';
export { sha256Hex } from './hash';
export { MESSENGER_LIMITS } from './limits';
export { parseFlowDocument, validateFlowDocument, type LoadProblem, type LoadResult } from './load';
export { MIGRATIONS, type Migration } from './migrations';
export { serializeFlowDocument } from './serialize';
export {
  hasErrors,
  lintFlow,
  LINT_RULES,
  LINT_TEXT,
  lintMessage,
  renderLintText,
  type LintCode,
  type LintFinding,
  type LintLanguage,
  type LintText,
  type Severity,
} from './lint';
export { checkCompiledFlow, compileFlow, compiledRevision, type CompileResult } from './compile';
export * from './engine';
export * from './messenger';
export * from './scenario';
export { hasInputHandle } from './nodeTypes';
export { impliedVariableType } from './implied-type';
export { nodeDisplayName, nodeDisplayNames, nodeSummary, SUMMARY_LENGTH } from './display-name';
export * from './diff';
