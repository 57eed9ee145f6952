// Reading variables (built-ins, the subscriber's values, the flow's defaults), rendering templates
// with them, and the `action` node's operations.
import { renderTemplate, type TemplateValue } from '../template';
import { isBuiltinVariable, type Action as FlowAction, type BuiltinVariable } from '../schema';
import { log, writeTag, writeVariable, type Draft } from './draft';
import type { Session, VariableValue } from './session';

/** A built-in variable's value (BUILTIN_VARIABLES) for this session at `now` (ms epoch). */
export function builtinValue(
  name: BuiltinVariable,
  session: Session,
  now: number,
): VariableValue | undefined {
  switch (name) {
    case 'user_first_name':
      return session.user.first_name;
    case 'user_last_name':
      return session.user.last_name;
    case 'user_locale':
      return session.user.locale;
    case 'user_id':
      return session.user.id;
    case 'last_input':
      return session.lastInput ?? undefined;
    case 'now':
      return new Date(now).toISOString();
    default:
      // A name added to BUILTIN_VARIABLES needs a value here.
      return name satisfies never;
  }
}

export function readVariable(d: Draft, name: string): VariableValue | undefined {
  if (isBuiltinVariable(name)) return builtinValue(name, d.session, d.ctx.now);
  const value = d.session.variables[name];
  return value !== undefined ? value : d.index.defaults.get(name);
}

export function render(d: Draft, text: string): string {
  if (!text.includes('{{')) return text;
  return renderTemplate(text, (name): TemplateValue => readVariable(d, name));
}

/** Saves a value, typed by the variable's declared type (numbers and booleans from text). */
export function saveVariable(d: Draft, name: string, value: VariableValue, step?: string): void {
  if (isBuiltinVariable(name)) {
    log(d, 'warning', 'read-only-variable', `"${name}" is built in and cannot be written`, step);
    return;
  }
  writeVariable(d, name, coerce(d.index.types.get(name), value));
}

function coerce(type: string | undefined, value: VariableValue): VariableValue {
  if (type === 'number' && typeof value === 'string') {
    const n = Number(value.trim());
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (type === 'boolean' && typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true' || t === 'yes') return true;
    if (t === 'false' || t === 'no' || t === '') return false;
  }
  return value;
}

export function applyAction(d: Draft, action: FlowAction, step: string): void {
  switch (action.type) {
    case 'set':
      return saveVariable(d, action.variable, render(d, action.value), step);
    case 'clear':
      if (!isBuiltinVariable(action.variable)) writeVariable(d, action.variable, undefined);
      return;
    case 'increment': {
      const current = Number(readVariable(d, action.variable) ?? 0);
      return saveVariable(
        d,
        action.variable,
        (Number.isFinite(current) ? current : 0) + action.by,
        step,
      );
    }
    case 'add_tag':
      return writeTag(d, action.tag, true);
    case 'remove_tag':
      return writeTag(d, action.tag, false);
  }
}
