// One-click fixes the Problems panel offers beside a problem: declare a variable the flow uses
// but never declared, with the type its uses imply; open the field that is too long.
import { impliedVariableType, isBuiltinVariable, type VariableType } from '../../../flows';
import { t } from '../i18n';
import { toFlowDocument, type DesignerDocument } from '../store/designerDocument';
import type { Problem } from '../store/problem';

export type ProblemFix =
  | { kind: 'declare'; label: string; name: string; type: VariableType }
  | { kind: 'openField'; label: string };

export function fixFor(problem: Problem, doc: DesignerDocument): ProblemFix | null {
  if (problem.code === 'unknown-variable') {
    const name = problem.text?.params?.['name'];
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return null;
    if (isBuiltinVariable(name) || doc.meta.variables.some((v) => v.name === name)) return null;
    const type = impliedVariableType(toFlowDocument(doc), name);
    return {
      kind: 'declare',
      name,
      type,
      label: t('problemFixes.declare', { name, type: t(`variables.types.${type}`) }),
    };
  }
  if (problem.code.endsWith('-too-long') && problem.field)
    return { kind: 'openField', label: t('problemFixes.openField') };
  return null;
}

/** The document with the variable declared (at the end of the list), as the fix makes it. */
export function declareVariable(
  doc: DesignerDocument,
  name: string,
  type: VariableType,
): DesignerDocument {
  if (doc.meta.variables.some((v) => v.name === name)) return doc;
  return { ...doc, meta: { ...doc.meta, variables: [...doc.meta.variables, { name, type }] } };
}
