// The small JSON path subset that `http` nodes save from (docs/format.md §1): `$`, `.name`, `[index]`
// and `["name"]` or `['name']` (a backslash escapes the quote or itself), e.g.
// `$.order.items[0].status` or `$["first name"]`. The linter and the engine share the parser, so
// a path the linter accepts is the path the engine reads.

export type JsonPathSegment = string | number;

const SEGMENT =
  /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\["\\])*)"\]|\['((?:[^'\\]|\\['\\])*)'\]/y;

/** The path's segments, or undefined when it is not a path of the subset. */
export function parseJsonPath(path: string): JsonPathSegment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: JsonPathSegment[] = [];
  SEGMENT.lastIndex = 1;
  while (SEGMENT.lastIndex < path.length) {
    const m = SEGMENT.exec(path);
    if (!m) return undefined;
    if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(m[1] ?? (m[3] ?? m[4]!).replace(/\\(.)/g, '$1'));
  }
  return segments;
}

/** The value at the path, or undefined when the path is malformed or leads nowhere. */
export function readJsonPath(root: unknown, path: string): unknown {
  const segments = parseJsonPath(path);
  if (!segments) return undefined;
  let value: unknown = root;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(value)) return undefined;
      value = value[segment];
    } else {
      // Own members only: `$.constructor` or `$.length` are not in the answer.
      if (Array.isArray(value) || !Object.hasOwn(value, segment)) return undefined;
      value = (value as Record<string, unknown>)[segment];
    }
  }
  return value;
}
