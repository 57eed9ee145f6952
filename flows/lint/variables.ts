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
      ctx.report('duplicate-variable', place, `The variable "${variable.name}" is declared twice.`);
    seen.add(variable.name);
    if (isBuiltinVariable(variable.name))
      ctx.report(
        'builtin-variable-declared',
        place,
        `"${variable.name}" is a built-in variable; choose another name.`,
      );
    if (variable.default !== undefined && !fitsType(variable.default, variable.type))
      ctx.report(
        'variable-default-invalid',
        { field: `variables[${i}].default` },
        `The default ${JSON.stringify(variable.default)} is not a ${variable.type}.`,
      );
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
      ctx.report(
        'unknown-variable',
        place,
        `The text uses {{${name}}}, but there is no variable "${name}". Declare it in the flow's variables or fix the name.`,
      );
  }
}

/** The runtime shows an empty name when Messenger refuses the profile; a fallback covers it. */
function checkProfileFallbacks(ctx: LintContext, place: Place, text: string): void {
  const reported = new Set<string>();
  for (const part of templateParts(text)) {
    if (!PROFILE_VARIABLES.has(part.variable) || part.fallback !== undefined) continue;
    if (reported.has(part.variable)) continue;
    reported.add(part.variable);
    ctx.report(
      'profile-variable-no-fallback',
      place,
      `{{${part.variable}}} has no fallback: when Messenger refuses the profile, the text shows a gap. Add one after a bar, as in {{${part.variable}|${part.variable === 'user_first_name' ? 'there' : 'fallback'}}}.`,
    );
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
  if (type === undefined)
    ctx.report(
      'unknown-variable',
      place,
      `There is no variable "${name}". Declare it in the flow's variables or fix the name.`,
    );
  return type;
}

function checkWrite(ctx: LintContext, place: Place, name: string): VariableType | undefined {
  if (isBuiltinVariable(name)) {
    ctx.report(
      'read-only-variable',
      place,
      `"${name}" is a built-in variable and cannot be changed; store the value in a variable of your own.`,
    );
    return undefined;
  }
  return checkRead(ctx, place, name);
}

function checkInput(ctx: LintContext, node: NodeOfType<'input'>): void {
  const { kind, variable, pattern } = node.data;
  const type = checkWrite(ctx, { nodeId: node.id, field: 'data.variable' }, variable);
  if (type !== undefined && !INPUT_STORES[kind].includes(type))
    ctx.report(
      'variable-type-mismatch',
      { nodeId: node.id, field: 'data.variable' },
      `A ${kind} answer cannot be stored in "${variable}", which is a ${type} variable.`,
    );
  if (pattern !== undefined) checkRegex(ctx, { nodeId: node.id, field: 'data.pattern' }, pattern);
}

function checkRegex(ctx: LintContext, place: Place, pattern: string): void {
  const compiled = flowPatternProblem(pattern);
  if (compiled === undefined) return;
  if (compiled.reason === 'invalid')
    ctx.report(
      'regex-invalid',
      place,
      `The pattern ${JSON.stringify(pattern)} is not a valid regular expression${compiled.message ? ` (${compiled.message})` : ''}.`,
    );
  else
    ctx.report(
      'regex-unsupported',
      place,
      `The pattern ${JSON.stringify(pattern)} needs a feature that flows do not run (${compiled.message}); flow patterns run on a linear-time engine without lookaround or backreferences.`,
    );
}

function checkRules(ctx: LintContext, node: NodeOfType<'condition'>): void {
  node.data.branches.forEach((branch, b) =>
    branch.rules.forEach((rule, r) => {
      const place = { nodeId: node.id, field: `data.branches[${b}].rules[${r}]` };
      if (!('variable' in rule)) {
        if (rule.value.trim() === '')
          ctx.report('rule-value-missing', place, 'This rule does not name a tag.');
        return;
      }
      const type = checkRead(ctx, { ...place, field: `${place.field}.variable` }, rule.variable);
      if (rule.op === 'set' || rule.op === 'unset') return;
      if (rule.value === undefined) {
        ctx.report(
          'rule-value-missing',
          { ...place, field: `${place.field}.value` },
          `This rule compares "${rule.variable}" with nothing.`,
        );
        return;
      }
      const valuePlace = { ...place, field: `${place.field}.value` };
      // A templated value is only known at run time; its variables are checked with the templates.
      if (typeof rule.value === 'string' && rule.value.includes('{{')) return;
      if (rule.op === 'matches') return checkRegex(ctx, valuePlace, String(rule.value));
      if (type === undefined) return;
      if (['gt', 'gte', 'lt', 'lte'].includes(rule.op) && type !== 'number' && type !== 'date')
        ctx.report(
          'variable-type-mismatch',
          place,
          `"${rule.variable}" is a ${type} variable; "greater" and "less" only compare numbers and dates.`,
        );
      else if (type === 'number' && rule.op !== 'contains' && !isNumeric(rule.value))
        ctx.report(
          'variable-type-mismatch',
          valuePlace,
          `"${rule.variable}" is a number, but it is compared with ${JSON.stringify(rule.value)}.`,
        );
      else if (type === 'boolean' && !['true', 'false'].includes(String(rule.value)))
        ctx.report(
          'variable-type-mismatch',
          valuePlace,
          `"${rule.variable}" is true or false, but it is compared with ${JSON.stringify(rule.value)}.`,
        );
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
          'This action does not name a tag.',
        );
      return;
    }
    const type = checkWrite(ctx, place, action.variable);
    if (type === undefined) return;
    if (action.type === 'increment' && type !== 'number')
      ctx.report(
        'variable-type-mismatch',
        place,
        `Only number variables can be increased; "${action.variable}" is a ${type} variable.`,
      );
    if (action.type === 'set' && !action.value.includes('{{')) {
      const bad =
        (type === 'number' && !isNumeric(action.value)) ||
        (type === 'boolean' && !['true', 'false'].includes(action.value));
      if (bad)
        ctx.report(
          'variable-type-mismatch',
          { nodeId: node.id, field: `data.actions[${i}].value` },
          `"${action.variable}" is a ${type} variable and cannot be set to ${JSON.stringify(action.value)}.`,
        );
    }
  });
}
