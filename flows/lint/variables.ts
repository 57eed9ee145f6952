// Variables: every name a flow reads or writes must be declared (or built in), built-ins are
// read-only, and each use must fit the variable's type.
import { specOf } from '../nodeTypes';
import { flowPatternProblem } from '../regex';
import { templateParts, templateVariables } from '../template';
import {
  isBuiltinVariable,
  type BuiltinVariable,
  type FlowNode,
  type InputKind,
  type NodeOfType,
  type VariableType,
} from '../schema';
import type { LintContext, Place } from './context';

const BUILTIN_TYPES: Partial<Record<BuiltinVariable, VariableType>> = { now: 'date' };
/** Filled from Messenger's User Profile API, which may refuse them (docs/messenger.md §7). */
const PROFILE_VARIABLES: ReadonlySet<string> = new Set([
  'user_first_name',
  'user_last_name',
  'user_locale',
]);
/** Nodes whose texts the user reads; elsewhere (conditions, HTTP calls) an empty value is data. */
const SHOWN: ReadonlySet<FlowNode['type']> = new Set(['message', 'input']);

/** Which variable types a question of each kind may store into (text accepts every answer). */
const INPUT_STORES: Record<InputKind, readonly VariableType[]> = {
  text: ['text'],
  number: ['number', 'text'],
  email: ['email', 'text'],
  phone: ['phone', 'text'],
  date: ['date', 'text'],
  url: ['url', 'text'],
  image: ['url', 'text'],
  attachment: ['url', 'text'],
};

export function checkVariables(ctx: LintContext): void {
  checkDeclarations(ctx);
  if (ctx.doc.disclosure !== undefined) {
    checkTemplate(ctx, { field: 'disclosure' }, ctx.doc.disclosure);
    checkProfileFallbacks(ctx, { field: 'disclosure' }, ctx.doc.disclosure);
  }
  for (const node of ctx.doc.nodes) {
    for (const { field, text } of nodeTemplates(node)) {
      checkTemplate(ctx, { nodeId: node.id, field }, text);
      if (SHOWN.has(node.type)) checkProfileFallbacks(ctx, { nodeId: node.id, field }, text);
    }
    if (node.type === 'input') checkInput(ctx, node);
    if (node.type === 'condition') checkRules(ctx, node);
    if (node.type === 'action') checkActions(ctx, node);
    if (node.type === 'http')
      node.data.save?.forEach((s, i) =>
        checkWrite(ctx, { nodeId: node.id, field: `data.save[${i}].variable` }, s.variable),
      );
  }
}

function checkDeclarations(ctx: LintContext): void {
  const seen = new Set<string>();
  ctx.doc.variables.forEach((variable, i) => {
    const place = { field: `variables[${i}]` };
    if (seen.has(variable.name))
      ctx.report('duplicate-variable', place, 'default', { name: variable.name });
    seen.add(variable.name);
    if (isBuiltinVariable(variable.name))
      ctx.report('builtin-variable-declared', place, 'default', { name: variable.name });
    if (variable.default !== undefined && !fitsType(variable.default, variable.type))
      ctx.report('variable-default-invalid', { field: `variables[${i}].default` }, 'default', {
        value: JSON.stringify(variable.default),
        type: variable.type,
      });
  });
}

function fitsType(value: string | number | boolean, type: VariableType): boolean {
  if (type === 'number') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string';
}

/**
 * Every text of a node that the engine renders as a template (docs/format.md §1: text fields are
 * templates); each node type lists its own in flows/nodeTypes.ts, `templates`.
 */
export function nodeTemplates(node: FlowNode): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text !== undefined && text.includes('{{')) out.push({ field, text });
  };
  specOf(node).templates?.(node, add);
  return out;
}

function checkTemplate(ctx: LintContext, place: Place, text: string): void {
  for (const name of templateVariables(text)) {
    // {{secret.NAME}} is no variable: the host fills it in (flows/secrets.ts).
    if (name.startsWith('secret.')) continue;
    if (!isBuiltinVariable(name) && !ctx.variables.has(name))
      ctx.report('unknown-variable', place, 'inText', { placeholder: `{{${name}}}`, name });
  }
}

/** The runtime shows an empty name when Messenger refuses the profile; a fallback covers it. */
function checkProfileFallbacks(ctx: LintContext, place: Place, text: string): void {
  const reported = new Set<string>();
  for (const part of templateParts(text)) {
    if (!PROFILE_VARIABLES.has(part.variable) || part.fallback !== undefined) continue;
    if (reported.has(part.variable)) continue;
    reported.add(part.variable);
    ctx.report('profile-variable-no-fallback', place, 'default', {
      placeholder: `{{${part.variable}}}`,
      example: `{{${part.variable}|${part.variable === 'user_first_name' ? 'there' : 'fallback'}}}`,
    });
  }
}

function typeOf(ctx: LintContext, name: string): VariableType | undefined {
  return (
    ctx.variables.get(name)?.type ??
    (isBuiltinVariable(name) ? (BUILTIN_TYPES[name] ?? 'text') : undefined)
  );
}

/** Reports an unknown name; returns its type when it is known. */
function checkRead(ctx: LintContext, place: Place, name: string): VariableType | undefined {
  const type = typeOf(ctx, name);
  if (type === undefined) ctx.report('unknown-variable', place, 'name', { name });
  return type;
}

function checkWrite(ctx: LintContext, place: Place, name: string): VariableType | undefined {
  if (isBuiltinVariable(name)) {
    ctx.report('read-only-variable', place, 'default', { name });
    return undefined;
  }
  return checkRead(ctx, place, name);
}

function checkInput(ctx: LintContext, node: NodeOfType<'input'>): void {
  const { kind, variable, pattern } = node.data;
  const type = checkWrite(ctx, { nodeId: node.id, field: 'data.variable' }, variable);
  if (type !== undefined && !INPUT_STORES[kind].includes(type))
    ctx.report('variable-type-mismatch', { nodeId: node.id, field: 'data.variable' }, 'answer', {
      kind,
      name: variable,
      type,
    });
  if (pattern !== undefined) checkRegex(ctx, { nodeId: node.id, field: 'data.pattern' }, pattern);
}

function checkRegex(ctx: LintContext, place: Place, pattern: string): void {
  const compiled = flowPatternProblem(pattern);
  if (compiled === undefined) return;
  if (compiled.reason === 'invalid')
    ctx.report('regex-invalid', place, compiled.message ? 'detail' : 'default', {
      pattern: JSON.stringify(pattern),
      detail: compiled.message ?? '',
    });
  else
    ctx.report('regex-unsupported', place, 'default', {
      pattern: JSON.stringify(pattern),
      detail: compiled.message ?? '',
    });
}

function checkRules(ctx: LintContext, node: NodeOfType<'condition'>): void {
  node.data.branches.forEach((branch, b) =>
    branch.rules.forEach((rule, r) => {
      const place = { nodeId: node.id, field: `data.branches[${b}].rules[${r}]` };
      if (!('variable' in rule)) {
        if (rule.value.trim() === '') ctx.report('rule-value-missing', place, 'tag');
        return;
      }
      const type = checkRead(ctx, { ...place, field: `${place.field}.variable` }, rule.variable);
      if (rule.op === 'set' || rule.op === 'unset') return;
      if (rule.value === undefined) {
        ctx.report('rule-value-missing', { ...place, field: `${place.field}.value` }, 'value', {
          name: rule.variable,
        });
        return;
      }
      const valuePlace = { ...place, field: `${place.field}.value` };
      // A templated value is only known at run time; its variables are checked with the templates.
      if (typeof rule.value === 'string' && rule.value.includes('{{')) return;
      if (rule.op === 'matches') return checkRegex(ctx, valuePlace, String(rule.value));
      if (type === undefined) return;
      if (['gt', 'gte', 'lt', 'lte'].includes(rule.op) && type !== 'number' && type !== 'date')
        ctx.report('variable-type-mismatch', place, 'compare', { name: rule.variable, type });
      else if (type === 'number' && rule.op !== 'contains' && !isNumeric(rule.value))
        ctx.report('variable-type-mismatch', valuePlace, 'number', {
          name: rule.variable,
          value: JSON.stringify(rule.value),
        });
      else if (type === 'boolean' && !['true', 'false'].includes(String(rule.value)))
        ctx.report('variable-type-mismatch', valuePlace, 'boolean', {
          name: rule.variable,
          value: JSON.stringify(rule.value),
        });
    }),
  );
}

function isNumeric(value: string | number | boolean): boolean {
  return (
    typeof value === 'number' ||
    (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
  );
}

function checkActions(ctx: LintContext, node: NodeOfType<'action'>): void {
  node.data.actions.forEach((action, i) => {
    const place = { nodeId: node.id, field: `data.actions[${i}].variable` };
    if (action.type === 'add_tag' || action.type === 'remove_tag') {
      if (action.tag.trim() === '')
        ctx.report(
          'rule-value-missing',
          { nodeId: node.id, field: `data.actions[${i}].tag` },
          'actionTag',
        );
      return;
    }
    const type = checkWrite(ctx, place, action.variable);
    if (type === undefined) return;
    if (action.type === 'increment' && type !== 'number')
      ctx.report('variable-type-mismatch', place, 'increment', { name: action.variable, type });
    if (action.type === 'set' && !action.value.includes('{{')) {
      const bad =
        (type === 'number' && !isNumeric(action.value)) ||
        (type === 'boolean' && !['true', 'false'].includes(action.value));
      if (bad)
        ctx.report(
          'variable-type-mismatch',
          { nodeId: node.id, field: `data.actions[${i}].value` },
          'set',
          { name: action.variable, type, value: JSON.stringify(action.value) },
        );
    }
  });
}
