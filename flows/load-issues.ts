// Turns zod's validation issues into problems a marketer can act on: a JSON path such as
// `nodes[3].data.blocks[0].text`, the node's id when the problem sits inside a node, and what
// was expected in plain words.
import type { z } from 'zod';
import { NODE_TYPES } from './schema';

export interface LoadProblem {
  /** JSON path inside the document, e.g. `nodes[3].data.blocks[0].text`; '' for the whole file. */
  path: string;
  /** The id of the node the problem sits in, when there is one. */
  nodeId?: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function issuesToProblems(issues: readonly Issue[], raw: unknown): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const issue of issues) {
    for (const { path, message } of explain(issue, raw)) {
      const problem: LoadProblem = { path: formatPath(path), message };
      const nodeId = nodeIdAt(raw, path);
      if (nodeId !== undefined) problem.nodeId = nodeId;
      problems.push(problem);
    }
  }
  return problems;
}

function explain(issue: Issue, raw: unknown): { path: PathKey[]; message: string }[] {
  const path = [...issue.path];
  const value = valueAt(raw, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined)
        return [{ path, message: `is missing: expected ${describeType(issue.expected)}` }];
      return [
        {
          path,
          message: `expected ${describeType(issue.expected)} but found ${describeValue(value)}`,
        },
      ];
    case 'invalid_value':
      if (value === undefined)
        return [{ path, message: `is missing: expected ${listValues(issue.values)}` }];
      return [
        { path, message: `expected ${listValues(issue.values)} but found ${describeValue(value)}` },
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown field "${key}" (check its spelling; fields are case-sensitive)`,
      }));
    case 'too_small':
      return [
        {
          path,
          message: `must be ${bound(issue.origin, issue.minimum, issue.inclusive, 'at least', 'more than')}`,
        },
      ];
    case 'too_big':
      return [
        {
          path,
          message: `must be ${bound(issue.origin, issue.maximum, issue.inclusive, 'at most', 'less than')}`,
        },
      ];
    case 'invalid_format':
      // Our schemas give regex checks a plain-words description as their message.
      return [{ path, message: `expected ${issue.message} but found ${describeValue(value)}` }];
    case 'invalid_union':
      return explainUnion(issue, path, value, raw);
    default:
      return [{ path, message: issue.message }];
  }
}

/** A union failed: name the variants when the `type` is unknown, else explain the closest variant. */
function explainUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: PathKey[],
  value: unknown,
  raw: unknown,
): { path: PathKey[]; message: string }[] {
  // A discriminated union (nodes) reports at the discriminator itself, with no branch issues.
  if ('discriminator' in issue && path[path.length - 1] === issue.discriminator) {
    const list = path.length >= 3 ? DISCRIMINATED_TYPES[String(path[path.length - 3])] : undefined;
    const where = path[path.length - 3] === 'nodes' ? 'node type' : 'type';
    const known = list ? listValues(list) : 'a known type';
    if (value === undefined) return [{ path, message: `is missing: expected ${known}` }];
    return [{ path, message: `unknown ${where} ${describeValue(value)}: expected ${known}` }];
  }
  const type = isRecord(value) ? value['type'] : undefined;
  const branches = issue.errors ?? [];
  const typeMatches = branches.filter(
    (branchIssues) => !branchIssues.some((i) => i.path.length === 1 && i.path[0] === 'type'),
  );
  if (typeMatches.length > 0 && branches.length > 0) {
    const best = typeMatches.reduce((a, b) => (b.length < a.length ? b : a));
    return best.flatMap((inner) =>
      explain({ ...inner, path: [...path, ...inner.path] } as Issue, raw),
    );
  }
  const known = knownTypes(branches, path, value);
  if (type === undefined) {
    if (!isRecord(value))
      return [{ path, message: `expected an object but found ${describeValue(value)}` }];
    return [{ path: [...path, 'type'], message: `is missing: expected ${known || 'a type'}` }];
  }
  return [
    {
      path: [...path, 'type'],
      message: `unknown type ${describeValue(type)}: expected ${known || 'a known type'}`,
    },
  ];
}

function knownTypes(
  branches: readonly (readonly Issue[])[],
  path: PathKey[],
  value: unknown,
): string {
  const values: unknown[] = [];
  for (const branchIssues of branches) {
    for (const inner of branchIssues) {
      if (inner.code === 'invalid_value' && inner.path.length === 1 && inner.path[0] === 'type')
        values.push(...inner.values);
    }
  }
  if (
    values.length === 0 &&
    path.length >= 2 &&
    path[path.length - 2] === 'nodes' &&
    isRecord(value)
  )
    return listValues(NODE_TYPES);
  return values.length ? listValues([...new Set(values)]) : '';
}

// Discriminated unions report no per-branch issues, so their types are named here, by the
// list that holds them (docs/format.md §1).
const DISCRIMINATED_TYPES: Record<string, readonly string[]> = {
  nodes: NODE_TYPES,
  buttons: ['postback', 'url', 'call'],
  actions: ['set', 'clear', 'increment', 'add_tag', 'remove_tag'],
};

function bound(
  origin: string,
  limit: unknown,
  inclusive: boolean | undefined,
  atLeast: string,
  strictly: string,
): string {
  const words = inclusive === false ? strictly : atLeast;
  const n = typeof limit === 'bigint' ? Number(limit) : (limit as number);
  if (origin === 'string') return `${words} ${n} characters long`;
  if (origin === 'array') return `a list of ${words} ${n} items`;
  return `${words} ${n}`;
}

function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text in "quotes"';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list [ ... ]';
    case 'object':
    case 'record':
      return 'an object { ... }';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function listValues(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  if (shown.length <= 1) return shown.join('');
  return `one of ${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function valueAt(raw: unknown, path: readonly PathKey[]): unknown {
  let current = raw;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function nodeIdAt(raw: unknown, path: readonly PathKey[]): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  const node = valueAt(raw, path.slice(0, 2));
  const id = isRecord(node) ? node['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
