// What the linter reports. Codes are stable strings (docs/format.md §5): users' CI scripts match on them.
import type { LintCode } from './catalogue';
import type { LintText } from './text';

export type Severity = 'error' | 'warning';

export interface LintFinding {
  code: LintCode;
  severity: Severity;
  /** The node the finding is about, when there is one. */
  nodeId?: string;
  /** The edge the finding is about (dangling or duplicate edges). */
  edgeId?: string;
  /** A path inside the node (`data.blocks[0].text`) or, without a node, in the document (`profile.greeting[0].text`). */
  field?: string;
  /** The output handle the finding is about (`out`, `other`, `button:<id>`), for the canvas to highlight. */
  handle?: string;
  /** What is wrong, in words a marketer understands (English). */
  message: string;
  /**
   * The message's key and values, for showing it in another language (lint/text). Missing on
   * findings made outside the rules (a file that cannot be read): those show `message`.
   */
  text?: LintText;
}
