// Reading variables (built-ins, the subscriber's values, the flow's defaults), rendering templates
// with them, and the `action` node's operations.
import { defuseSecrets } from '../secrets';
import { MESSENGER_LIMITS as L } from '../limits';
import {
  cutCodePoints,
  isWebUrl,
  renderTemplate,
  templateParts,
  type TemplateValue,
} from '../template';
import { isBuiltinVariable, type Action as FlowAction, type BuiltinVariable } from '../schema';
import type { LogText } from './actions';
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

/** Renders a template; with a `limit`, inserted text is cut so the field fits Messenger's limit. */
export function render(d: Draft, text: string, limit?: number): string {
  if (!text.includes('{{')) return text;
  return renderTemplate(
    text,
    (name): TemplateValue => readVariable(d, name),
    limit === undefined ? {} : { limit },
  );
}

/**
 * Renders a URL template, values percent-encoded. A result that is not a web address (a variable
 * that was the whole URL held something else) is logged and gives `undefined`: the caller leaves
 * the link out rather than send a call Messenger refuses.
 */
export function renderUrl(
  d: Draft,
  template: string,
  step: string | undefined,
  /** What the URL is, in English and as a key of the designer's catalogue (`buttonLink`). */
  what: { en: string; key: string; params?: Record<string, string> },
  options: { httpsOnly?: boolean; keepSecrets?: boolean } = {},
): string | undefined {
  // An HTTP node keeps its `{{secret.NAME}}` placeholders for the host to fill in: each stands in
  // as a plain token while the URL is encoded and checked, and goes back in at the end.
  const secrets: string[] = [];
  const lookup = (name: string): TemplateValue => {
    if (options.keepSecrets && name.startsWith('secret.')) {
      if (!secrets.includes(name)) secrets.push(name);
      return `tlsecret${secrets.indexOf(name)}x`;
    }
    const value = readVariable(d, name);
    return options.keepSecrets && typeof value === 'string' ? defuseSecrets(value) : value;
  };
  // Encoding never shortens a value: one longer than any URL may be is not encoded at all.
  const huge = templateParts(template).some(
    (p) => String(lookup(p.variable) ?? '').length > L.urlLength,
  );
  if (huge) {
    log(
      d,
      'warning',
      'url-too-long',
      `${what.en} was left out: with its variables filled in it would be longer than ${L.urlLength} characters`,
      step,
      { key: 'urlTooLong', params: { limit: L.urlLength }, subject: subjectOf(what) },
    );
    return undefined;
  }
  const url = template.includes('{{')
    ? renderTemplate(template, lookup, { url: true }).trim()
    : template.trim();
  if (isWebUrl(url, options)) {
    if (url.length <= L.urlLength)
      return url.replace(/tlsecret(\d+)x/g, (token, i: string) =>
        secrets[Number(i)] === undefined ? token : `{{${secrets[Number(i)]}}}`,
      );
    log(
      d,
      'warning',
      'url-too-long',
      `${what.en} was left out: "${cutCodePoints(url, 80)}…" has ${url.length} characters, more than ${L.urlLength}`,
      step,
      {
        key: 'urlTooLongValue',
        params: { url: cutCodePoints(url, 80), length: url.length, limit: L.urlLength },
        subject: subjectOf(what),
      },
    );
    return undefined;
  }
  const scheme = options.httpsOnly === false ? 'http(s)' : 'https';
  const shown = url.length > 80 ? `${cutCodePoints(url, 80)}…` : url;
  log(
    d,
    'warning',
    'url-invalid',
    `${what.en} was left out: "${shown}" is not an ${scheme} address`,
    step,
    { key: 'urlInvalid', params: { url: shown, scheme }, subject: subjectOf(what) },
  );
  return undefined;
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
  if (isBuiltinVariable(name)) {
    log(d, 'warning', 'read-only-variable', `"${name}" is built in and cannot be written`, step, {
      key: 'readOnly',
      params: { name },
    });
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

function subjectOf(what: { key: string; params?: Record<string, string> }): LogText['subject'] {
  return what.params ? { key: what.key, params: what.params } : { key: what.key };
}
