// Import cycles between our own modules, a step of `npm test`: a cycle makes module evaluation
// order decide whether a value is defined yet, so it must stay at zero. Only imports that survive
// compilation count: `import type`/`export type` (and imports whose every name is `type`) are
// erased by TypeScript and cannot cycle at run time. A dynamic import() counts too, so a cycle
// cannot be hidden behind a lazy import. Usage: `node scripts/import-cycles.mjs` (exit 1 on a cycle).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The folders whose modules are checked, relative to the repository root. */
export const CYCLE_ROOTS = ['flows', 'runtime', 'renderer/src', 'electron', 'cli', 'scripts'];

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'release', 'coverage']);

/** Every source file under `dir` (absolute paths), skipping build output and .d.ts files. */
export function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files.push(...sourceFiles(path));
    } else if (SOURCE.test(entry.name) && !/\.d\.m?ts$/.test(entry.name)) files.push(path);
  }
  return files;
}

function typeOnlyImport(node) {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function typeOnlyExport(node) {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    !!clause &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}

/** The specifiers of the imports in `source` that remain at run time, in source order. */
export function runtimeImports(source, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const specs = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!typeOnlyImport(node)) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier) && !typeOnlyExport(node))
        specs.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return specs;
}

const CANDIDATES = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, or undefined (a package, JSON, or a missing file). */
export function resolveImport(fromFile, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), spec.replace(/\?.*$/, ''));
  const stems = [base];
  // ESM style "./x.js" naming a TypeScript file.
  if (/\.m?js$/.test(base)) stems.push(base.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts'));
  for (const stem of stems) {
    for (const ext of CANDIDATES) {
      const path = stem + ext;
      if (SOURCE.test(path) && existsSync(path) && statSync(path).isFile()) return path;
    }
  }
  return undefined;
}

/** file → the files it imports at run time (absolute paths), for every file under `dirs`. */
export function importGraph(root, dirs = CYCLE_ROOTS) {
  const graph = new Map();
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      const targets = runtimeImports(readFileSync(file, 'utf8'), file)
        .map((spec) => resolveImport(file, spec))
        .filter((t) => t !== undefined);
      graph.set(file, [...new Set(targets)]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function stronglyConnected(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const connect = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return components;
}

/** One cycle through `component`, as a chain of files that starts and ends at the same file. */
export function cycleIn(graph, component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  // Breadth-first from start's imports back to start: the shortest chain.
  const previous = new Map();
  const queue = [start];
  const seen = new Set();
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const chain = [start];
        for (let at = v; at !== start; at = previous.get(at)) chain.unshift(at);
        chain.unshift(start);
        return chain;
      }
      if (!seen.has(w)) {
        seen.add(w);
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Every cycle (one per strongly connected component), as repository-relative file chains. */
export function findCycles(root, dirs = CYCLE_ROOTS) {
  const graph = importGraph(root, dirs);
  const rel = (path) => relative(root, path).split(sep).join('/');
  return stronglyConnected(graph)
    .map((component) => ({
      files: component.map(rel).sort(),
      chain: cycleIn(graph, component).map(rel),
    }))
    .sort((a, b) => a.chain[0].localeCompare(b.chain[0]));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = join(import.meta.dirname, '..');
  const cycles = findCycles(root);
  for (const cycle of cycles) {
    const more =
      cycle.files.length > cycle.chain.length - 1 ? ` (${cycle.files.length} files)` : '';
    console.log(`cycle${more}: ${cycle.chain.join(' → ')}`);
  }
  console.log(`${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}`);
  process.exit(cycles.length > 0 ? 1 : 0);
}
