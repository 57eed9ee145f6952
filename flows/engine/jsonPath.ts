// The small JSON path subset that `http` nodes save from (FORMAT §1): `$`, `.name`, `[index]`
// and `["name"]`, e.g. `$.order.items[0].status`.

const SEGMENT = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/y;

/** The value at the path, or undefined when the path is malformed or leads nowhere. */
export function readJsonPath(root: unknown, path: string): unknown {
  if (!path.startsWith('$')) return undefined;
  let value: unknown = root;
  SEGMENT.lastIndex = 1;
  while (SEGMENT.lastIndex < path.length) {
    const at = SEGMENT.lastIndex;
    const m = SEGMENT.exec(path);
    if (!m || m.index !== at) return undefined;
    const key = m[1] ?? m[3] ?? m[4];
    if (value === null || typeof value !== 'object') return undefined;
    if (key !== undefined) value = (value as Record<string, unknown>)[key];
    else if (Array.isArray(value)) value = value[Number(m[2])];
    else return undefined;
  }
  return value;
}
