// The public API of flows/: which of its modules code outside flows/ may import. Each area (a
// folder of flows/ with an index.ts: engine, lint, compile, ...) is imported through that index;
// the files at the top of flows/ (load, secrets, nodeTypes, ...) through flows/index.ts; shared
// test fixtures through flows/testing. Data files (the example flows) are not modules and stay
// importable as they are. Used by the layer rule (eslint-boundaries.mjs) and the codemod that
// rewrites imports to these entries (flows-imports.mjs).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CODE = /\.(ts|tsx|mts|mjs|js)$/;

/** Repository-relative "flows/engine/run.ts" (or without extension) → "flows/engine/run". */
function stem(path) {
  return path.replace(CODE, '').replace(/\/index$/, '');
}

function isDir(path) {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Whether `path` (repository-relative, as written after resolving an import) is code, not data. */
export function isFlowsCode(path) {
  const last = path.split('/').at(-1) ?? '';
  return CODE.test(last) || !last.includes('.');
}

/**
 * The entry module an outsider must import `path` (repository-relative, inside flows/) through,
 * as a repository-relative path without extension ("flows", "flows/engine", "flows/testing").
 * Undefined when `path` is not code (a JSON example) and any import of it is fine.
 */
export function flowsEntryFor(root, path) {
  if (!isFlowsCode(path)) return undefined;
  const parts = stem(path).split('/');
  const name = parts.at(-1) ?? '';
  if (/^test-fixtures$|^fixtures?$/.test(name) && parts.length > 2) return 'flows/testing';
  if (parts.length < 2) return 'flows';
  const area = `${parts[0]}/${parts[1]}`;
  if (isDir(join(root, area)) && existsSync(join(root, area, 'index.ts'))) return area;
  return 'flows';
}

/** Whether `path` (repository-relative, inside flows/) is an entry module or data. */
export function isFlowsEntry(root, path) {
  const entry = flowsEntryFor(root, path);
  return entry === undefined || stem(path) === entry;
}
