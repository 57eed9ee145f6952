// A labelled form row with the problems the linter found for that field.
import { useId, type ReactNode } from 'react';
import { useFieldProblems } from './useFieldProblems';
import { useLanguage } from '../../i18n';
import { lintMessageNow } from '../../i18n/lint';

interface Props {
  label: string;
  /** The field's path in the node, e.g. `data.url`; links it to lint problems and focus. */
  field?: string;
  hint?: string;
  children: (id: string) => ReactNode;
}

export function Field({ label, field, hint, children }: Props) {
  const id = useId();
  const problems = useFieldProblems(field);
  useLanguage();
  return (
    <div className={`tl-field${problems.length ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && (
        <small id={`${id}-hint`} className="tl-muted">
          {hint}
        </small>
      )}
      {problems.map((p, i) => (
        <small key={i} className={`tl-field-problem is-${p.severity}`} role="status">
          {lintMessageNow(p)}
        </small>
      ))}
    </div>
  );
}
