// lintFlow: every rule group over one indexed document. Findings come back in a stable order:
// flow-wide findings first, then by node in document order, each group in rule order.
import type { FlowDocument } from '../schema';
import { createContext, type LintContext } from './context';
import { checkGraph } from './graph';
import { checkIds } from './ids';
import { checkMessages } from './messages';
import { checkNodes } from './nodes';
import { checkPolicy } from './policy';
import { checkProfile } from './profile';
import { checkSecrets } from './secrets';
import { checkTiming } from './timing';
import { checkTriggers } from './triggers';
import type { LintFinding } from './types';
import { checkVariables } from './variables';

export { LINT_RULES, type LintCode } from './catalogue';
export type { LintFinding, Severity } from './types';
export {
  LINT_TEXT,
  lintMessage,
  lintTemplate,
  lintText,
  renderLintText,
  type LintLanguage,
  type LintParam,
  type LintText,
  type LintTextCatalogue,
  type LintTextKey,
} from './text';

const RULE_GROUPS: readonly ((ctx: LintContext) => void)[] = [
  checkIds,
  checkTriggers,
  checkGraph,
  checkTiming,
  checkMessages,
  checkProfile,
  checkVariables,
  checkNodes,
  checkSecrets,
  checkPolicy,
];

export function lintFlow(doc: FlowDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  const ctx = createContext(doc, findings);
  for (const check of RULE_GROUPS) check(ctx);
  const order = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    if (!order.has(node.id)) order.set(node.id, i);
  });
  const rank = (f: LintFinding) => (f.nodeId === undefined ? -1 : (order.get(f.nodeId) ?? -1));
  // Array.prototype.sort is stable, so rule order survives within a node.
  return findings.sort((a, b) => rank(a) - rank(b));
}

export function hasErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
