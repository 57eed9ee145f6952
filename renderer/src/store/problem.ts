// A linter finding as the designer shows it (Problems panel, node badges, status bar).
import type { LintText } from '../../../flows';

export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  /** In English; `text` gives it in the designer's language (i18n/lint.ts). */
  message: string;
  text?: LintText;
  nodeId?: string;
  /** The field in the node (or the flow settings) the problem is about, e.g. `data.url`. */
  field?: string;
  /** The output handle the problem is about (`other`, `button:<id>`), shown on the canvas. */
  handle?: string;
}
