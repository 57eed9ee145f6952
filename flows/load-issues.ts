// Turns zod's validation issues into problems a marketer can act on: a JSON path such as
// `nodes[3].data.blocks[0].text`, the node's id when the problem sits inside a node, and what
// was expected in plain words.
import type { z } from 'zod';
import { lintText, renderLintText, type LintParam, type LintText } from './lint/text';
import { NODE_TYPES } from './schema';

export interface LoadProblem {
  /** JSON path inside the document, e.g. `nodes[3].data.blocks[0].text`; '' for the whole file. */
  path: string;
  /** The id of the node the problem sits in, when there is one. */
  nodeId?: string;
  /** English, as logs and --json show it. */
  message: string;
  /** The message's key and values (flows/lint/text, `invalid-document.*`) for other languages. */
  text?: LintText;
}

interface Explained {
  path: PathKey[];
  message: string;
  text?: LintText;
}

/** A problem worded by us: English from the catalogue, and the key for other languages. */
function said(path: PathKey[], text: LintText): Explained {
  return { path, message: renderLintText(text, 'en'), text };
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
    for (const { path, message, text } of explain(issue, raw)) {
      const problem: LoadProblem = { path: formatPath(path), message, ...(text ? { text } : {}) };
      const nodeId = nodeIdAt(raw, path);
      if (nodeId !== undefined) problem.nodeId = nodeId;
      problems.push(problem);
    }
  }
  return problems;
}

function explain(issue: Issue, raw: unknown): Explained[] {
  const path = [...issue.path];
  const value = valueAt(raw, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined)
        return [
          said(
            path,
            lintText('invalid-document.missing', { expected: describeType(issue.expected) }),
          ),
        ];
      return [
        said(
          path,
          lintText('invalid-document.wrongValue', {
            expected: describeType(issue.expected),
            found: describeValue(value),
          }),
        ),
      ];
    case 'invalid_value':
      if (value === undefined)
        return [
          said(path, lintText('invalid-document.missing', { expected: listValues(issue.values) })),
        ];
      return [
        said(
          path,
          lintText('invalid-document.wrongValue', {
            expected: listValues(issue.values),
            found: describeValue(value),
          }),
        ),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        said([...path, key], lintText('invalid-document.unknownField', { key })),
      );
    case 'too_small':
      return [
        said(
          path,
          lintText('invalid-document.mustBe', {
            bound: bound(issue.origin, issue.minimum, issue.inclusive, 'atLeast', 'moreThan'),
          }),
        ),
      ];
    case 'too_big':
      return [
        said(
          path,
          lintText('invalid-document.mustBe', {
            bound: bound(issue.origin, issue.maximum, issue.inclusive, 'atMost', 'lessThan'),
          }),
        ),
      ];
    case 'invalid_format':
      // Our schemas give regex checks a plain-words description as their message.
      return [
        said(
          path,
          lintText('invalid-document.wrongValue', {
            expected: issue.message,
            found: describeValue(value),
          }),
        ),
      ];
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
): Explained[] {
  // A discriminated union (nodes) reports at the discriminator itself, with no branch issues.
  if ('discriminator' in issue && path[path.length - 1] === issue.discriminator) {
    const list = path.length >= 3 ? DISCRIMINATED_TYPES[String(path[path.length - 3])] : undefined;
    const known = list ? listValues(list) : lintText('parts.aKnownType');
    if (value === undefined)
      return [said(path, lintText('invalid-document.missing', { expected: known }))];
    return [
      said(
        path,
        lintText(
          path[path.length - 3] === 'nodes'
            ? 'invalid-document.unknownNodeType'
            : 'invalid-document.unknownType',
          { found: describeValue(value), expected: known },
        ),
      ),
    ];
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
      return [
        said(
          path,
          lintText('invalid-document.wrongValue', {
            expected: lintText('parts.foundObject'),
            found: describeValue(value),
          }),
        ),
      ];
    return [
      said(
        [...path, 'type'],
        lintText('invalid-document.missing', { expected: known ?? lintText('parts.aType') }),
      ),
    ];
  }
  return [
    said(
      [...path, 'type'],
      lintText('invalid-document.unknownType', {
        found: describeValue(type),
        expected: known ?? lintText('parts.aKnownType'),
      }),
    ),
  ];
}

function knownTypes(
  branches: readonly (readonly Issue[])[],
  path: PathKey[],
  value: unknown,
): LintParam | undefined {
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
  return values.length ? listValues([...new Set(values)]) : undefined;
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
  atLeast: 'atLeast' | 'atMost',
  strictly: 'moreThan' | 'lessThan',
): LintText {
  const words = inclusive === false ? strictly : atLeast;
  const n = typeof limit === 'bigint' ? Number(limit) : (limit as number);
  if (origin === 'string') return lintText(`parts.${words}Chars`, { n });
  if (origin === 'array') return lintText(`parts.${words}Items`, { n });
  return lintText(`parts.${words}`, { n });
}

function describeType(expected: string): LintParam {
  switch (expected) {
    case 'string':
      return lintText('parts.typeString');
    case 'number':
      return lintText('parts.typeNumber');
    case 'int':
      return lintText('parts.typeInt');
    case 'boolean':
      return lintText('parts.typeBoolean');
    case 'array':
      return lintText('parts.typeArray');
    case 'object':
    case 'record':
      return lintText('parts.typeObject');
    default:
      return expected;
  }
}

function describeValue(value: unknown): LintParam {
  if (value === undefined) return lintText('parts.foundNothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return lintText('parts.foundList');
  if (typeof value === 'object') return lintText('parts.foundObject');
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function listValues(values: readonly unknown[]): LintParam {
  const shown = values.map((v) => JSON.stringify(v));
  if (shown.length <= 1) return shown.join('');
  return lintText('parts.oneOf', {
    values: shown.slice(0, -1).join(', '),
    last: shown[shown.length - 1]!,
  });
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
