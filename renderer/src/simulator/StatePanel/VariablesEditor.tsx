// The flow's variables with their values in the session; a value typed here is stored with the
// variable's type (a number as a number), an emptied field unsets it.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { BUILTIN_VARIABLES, type Variable } from '../../../../flows/schema';
import { builtinValue, type VariableValue } from '../../../../flows/engine';
import { useSimulatorStore, useSimulator } from '../store';

export function VariablesEditor() {
  const { t } = useTranslation();
  const declared = useSimulator((s) => s.running?.variables) ?? [];
  const values = useSimulator((s) => s.session?.variables);
  const session = useSimulator((s) => s.session);
  const now = useSimulator((s) => s.now);
  const undeclared = Object.keys(values ?? {}).filter((n) => !declared.some((v) => v.name === n));
  return (
    <section className="tl-sim-group" aria-label={t('simVariables.title')}>
      <h3>{t('simVariables.title')}</h3>
      {declared.length + undeclared.length === 0 && (
        <p className="tl-muted">{t('simVariables.none')}</p>
      )}
      <table className="tl-sim-vars">
        <tbody>
          {declared.map((v) => (
            <VariableRow key={v.name} variable={v} value={values?.[v.name]} />
          ))}
          {undeclared.map((name) => (
            <VariableRow key={name} variable={{ name, type: 'text' }} value={values?.[name]} />
          ))}
          {BUILTIN_VARIABLES.map((name) => {
            const value = session ? builtinValue(name, session, now) : undefined;
            return (
              <ReadOnlyRow
                key={name}
                name={name}
                value={value === undefined ? undefined : String(value)}
              />
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function VariableRow({
  variable,
  value,
}: {
  variable: Variable;
  value: VariableValue | undefined;
}) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  // Unset in the session, the engine reads the declared default: show that as the value.
  const fromDefault = value === undefined && variable.default !== undefined;
  const effective = value ?? variable.default;
  const shown = effective === undefined ? '' : String(effective);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    simulator.getState().setVariable(variable.name, parseValue(variable.type, draft));
    setDraft(null);
  };
  return (
    <tr>
      <th scope="row">
        {variable.name}
        <small>{variable.type}</small>
      </th>
      <td>
        <input
          aria-label={t('simVariables.variable', { name: variable.name })}
          value={draft ?? shown}
          placeholder={t('simVariables.unset')}
          aria-description={fromDefault ? t('sidePanels.variableFromDefault') : undefined}
          title={fromDefault ? t('sidePanels.variableFromDefault') : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      </td>
    </tr>
  );
}

function ReadOnlyRow({ name, value }: { name: string; value: string | undefined }) {
  const { t } = useTranslation();
  return (
    <tr className="is-builtin">
      <th scope="row">
        {name}
        <small>{t('simVariables.builtIn')}</small>
      </th>
      <td>{value ?? <span className="tl-muted">{t('simVariables.unset')}</span>}</td>
    </tr>
  );
}

/** A typed value as the engine would store it; empty text unsets the variable. */
export function parseValue(type: Variable['type'], text: string): VariableValue | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (type === 'number' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return text;
}
