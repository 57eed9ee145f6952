// Reading variables (built-ins, the subscriber's values, the flow's defaults), rendering templates
// with them, and the `action` node's operations.
import { defuseSecrets } from '../secrets';
import { renderTemplate, type TemplateValue } from '../template';
import type { Action as FlowAction } from '../schema';
import { log, writeTag, writeVariable, type Draft } from './draft';
import type { VariableValue } from './session';

const BUILTIN = new Set([
  'user_first_name',
  'user_last_name',
  'user_locale',
  'user_id',
  'last_input',
  'now',
]);

export function readVariable(d: Draft, name: string): VariableValue | undefined {
  switch (name) {
    case 'user_first_name':
      return d.session.user.first_name;
    case 'user_last_name':
      return d.session.user.last_name;
    case 'user_locale':
      return d.session.user.locale;
    case 'user_id':
      return d.session.user.id;
    case 'last_input':
      return d.session.lastInput ?? undefined;
    case 'now':
      return new Date(d.ctx.now).toISOString();
  }
  const value = d.session.variables[name];
  return value !== undefined ? value : d.index.defaults.get(name);
}

export function render(d: Draft, text: string): string {
  if (!text.includes('{{')) return text;
  return renderTemplate(text, (name): TemplateValue => readVariable(d, name));
}

/**
 * An HTTP node's url, header or body: `{{secret.NAME}}` stays for the host to fill in at request
 * time (flows/secrets.ts), and no inserted value can bring a placeholder of its own.
 */
export function renderRequestText(d: Draft, text: string): string {
  if (!text.includes('{{')) return text;
  return renderTemplate(text, (name): TemplateValue => {
    if (name.startsWith('secret.')) return `{{${name}}}`; // should templates ever read dotted names
    const value = readVariable(d, name);
    return typeof value === 'string' ? defuseSecrets(value) : value;
  });
}

/** Saves a value, typed by the variable's declared type (numbers and booleans from text). */
export function saveVariable(d: Draft, name: string, value: VariableValue, step?: string): void {
  if (BUILTIN.has(name)) {
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
      if (!BUILTIN.has(action.variable)) writeVariable(d, action.variable, undefined);
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
