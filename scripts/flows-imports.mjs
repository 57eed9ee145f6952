// Codemod: point every import from outside flows/ into flows/ at the area's entry module
// (flows-entries.mjs), e.g. '../../flows/engine/simulator' → '../../flows/engine'. Names the entry
// does not export yet are added to it (`export { x, type Y } from './simulator';`), and imports
// that end up naming the same entry twice are merged. Imports that are already right are left
// alone, so running it again changes nothing. `import type` stays `import type`.
// Usage: node scripts/flows-imports.mjs [--check]   (--check: change nothing, exit 1 if needed)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { flowsEntryFor, isFlowsEntry } from './flows-entries.mjs';

const OUTSIDE = ['runtime', 'renderer', 'electron', 'cli', 'scripts', 'test', 'bench'];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'release', 'coverage']);

const posix = (path) => path.split(sep).join('/');

function sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : sourceFiles(path);
    return SOURCE.test(e.name) && !/\.d\.m?ts$/.test(e.name) ? [path] : [];
  });
}

/** Relative specifier from `file` to the repository-relative module `target`. */
function specifierTo(root, file, target) {
  const spec = posix(relative(dirname(file), join(root, target)));
  return spec.startsWith('.') ? spec : `./${spec}`;
}

/** The names an import or export declaration takes from its module: { name, type }[]. */
function takenNames(node) {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return [];
    const names = [];
    if (clause.name) names.push({ name: 'default', type: clause.isTypeOnly });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const e of bindings.elements)
        names.push({
          name: (e.propertyName ?? e.name).text,
          type: clause.isTypeOnly || e.isTypeOnly,
        });
    }
    return names; // `import * as x` takes everything the entry has
  }
  const clause = node.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return [];
  return clause.elements.map((e) => ({
    name: (e.propertyName ?? e.name).text,
    type: node.isTypeOnly || e.isTypeOnly,
  }));
}

/** The export names of each entry module, from the type checker over flows/ alone. */
function entryExports(root, entries) {
  const files = [...entries].map((e) => join(root, e, 'index.ts'));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const result = new Map();
  for (const entry of entries) {
    const source = program.getSourceFile(join(root, entry, 'index.ts'));
    const symbol = source && checker.getSymbolAtLocation(source);
    result.set(
      entry,
      new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => s.escapedName) : []),
    );
  }
  return result;
}

/** Every import from outside flows/ that names a flows/ module other than its entry. */
export function findImports(root) {
  const found = [];
  for (const area of OUTSIDE) {
    for (const file of sourceFiles(join(root, area))) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('flows')) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      for (const node of source.statements) {
        const isImport = ts.isImportDeclaration(node);
        if (!isImport && !(ts.isExportDeclaration(node) && node.moduleSpecifier)) continue;
        if (!ts.isStringLiteral(node.moduleSpecifier)) continue;
        const spec = node.moduleSpecifier.text;
        if (!spec.startsWith('.')) continue;
        const target = posix(relative(root, resolve(dirname(file), spec)));
        if (!target.startsWith('flows/') && target !== 'flows') continue;
        found.push({ file, source, node, spec, target, entry: flowsEntryFor(root, target) });
      }
    }
  }
  return found;
}

/** Adds `export { names } from './module'` lines to entries that miss names outsiders use. */
function extendEntries(root, wrong, exportsOf) {
  const additions = new Map(); // entry → module → Map(name → type)
  for (const imp of wrong) {
    const have = exportsOf.get(imp.entry);
    for (const { name, type } of takenNames(imp.node)) {
      if (have.has(name)) continue;
      if (name === 'default') throw new Error(`${imp.file}: a default import of ${imp.target}`);
      const module = specifierTo(root, join(root, imp.entry, 'index.ts'), imp.target);
      const byModule = additions.get(imp.entry) ?? new Map();
      const names = byModule.get(module) ?? new Map();
      names.set(name, (names.get(name) ?? true) && type);
      byModule.set(module, names);
      additions.set(imp.entry, byModule);
    }
    if (
      imp.node.importClause?.namedBindings &&
      ts.isNamespaceImport(imp.node.importClause.namedBindings)
    )
      throw new Error(
        `${posix(relative(root, imp.file))}: "import * as" of ${imp.target}; import names instead`,
      );
  }
  const changed = [];
  for (const [entry, byModule] of additions) {
    const path = join(root, entry, 'index.ts');
    let text = readFileSync(path, 'utf8');
    for (const [module, names] of byModule) {
      const allTypes = [...names.values()].every(Boolean);
      const list = [...names].map(([n, type]) => (type && !allTypes ? `type ${n}` : n)).join(', ');
      text += `export ${allTypes ? 'type ' : ''}{ ${list} } from '${module}';\n`;
      console.log(`${entry}/index.ts: now exports ${list} (from ${module})`);
    }
    writeFileSync(path, text);
    changed.push(path);
  }
  return changed;
}

/** The text of one merged named import, or undefined when the imports cannot be merged. */
function mergedImport(nodes, spec) {
  const parts = [];
  for (const node of nodes) {
    const clause = node.importClause;
    if (!ts.isImportDeclaration(node) || !clause || clause.name) return undefined;
    if (!clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return undefined;
    for (const e of clause.namedBindings.elements) {
      const text = e.propertyName ? `${e.propertyName.text} as ${e.name.text}` : e.name.text;
      parts.push({ text, type: clause.isTypeOnly || e.isTypeOnly });
    }
  }
  const unique = [...new Map(parts.map((p) => [`${p.type} ${p.text}`, p])).values()];
  if (unique.every((p) => p.type))
    return `import type { ${unique.map((p) => p.text).join(', ')} } from '${spec}';`;
  const list = unique.map((p) => (p.type ? `type ${p.text}` : p.text)).join(', ');
  return `import { ${list} } from '${spec}';`;
}

/** Rewrites one file's imports; returns its new text. */
function rewriteFile(root, file, source, imports) {
  const edits = [];
  const byEntry = new Map();
  for (const imp of imports) {
    const entry = isFlowsEntry(root, imp.target) ? imp.target.replace(/\/index$/, '') : imp.entry;
    if (entry === undefined) continue;
    const group = byEntry.get(entry) ?? [];
    group.push(imp);
    byEntry.set(entry, group);
  }
  for (const [entry, group] of byEntry) {
    const spec = specifierTo(root, file, entry);
    const rewritten = group.filter((imp) => !isFlowsEntry(root, imp.target));
    if (rewritten.length === 0) continue;
    const imports = group.filter((imp) => ts.isImportDeclaration(imp.node));
    const merged =
      imports.length > 1
        ? mergedImport(
            imports.map((i) => i.node),
            spec,
          )
        : undefined;
    if (merged) {
      imports.forEach((imp, i) => {
        const start = imp.node.getStart(source);
        let end = imp.node.getEnd();
        if (i > 0 && source.text[end] === '\n') end += 1;
        edits.push({ start, end, text: i === 0 ? merged : '' });
      });
      for (const imp of rewritten.filter((r) => !imports.includes(r))) {
        const literal = imp.node.moduleSpecifier;
        edits.push({ start: literal.getStart(source), end: literal.getEnd(), text: `'${spec}'` });
      }
    } else {
      for (const imp of rewritten) {
        const literal = imp.node.moduleSpecifier;
        edits.push({ start: literal.getStart(source), end: literal.getEnd(), text: `'${spec}'` });
      }
    }
  }
  let text = source.text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

export async function run(root, { check = false } = {}) {
  const all = findImports(root);
  const wrong = all.filter((imp) => imp.entry !== undefined && !isFlowsEntry(root, imp.target));
  if (check || wrong.length === 0) return { wrong, changed: [] };
  const entries = new Set(wrong.map((imp) => imp.entry));
  const changed = extendEntries(root, wrong, entryExports(root, entries));
  const files = new Set(wrong.map((imp) => imp.file));
  for (const file of files) {
    const mine = all.filter((imp) => imp.file === file);
    const text = rewriteFile(root, file, mine[0].source, mine);
    writeFileSync(file, text);
    changed.push(file);
  }
  for (const file of changed) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
  }
  return { wrong, changed };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = join(import.meta.dirname, '..');
  const check = process.argv.includes('--check');
  const { wrong, changed } = await run(root, { check });
  const rel = (path) => posix(relative(root, path));
  if (check) {
    for (const imp of wrong) console.log(`${rel(imp.file)}: ${imp.spec} → ${imp.entry}`);
    console.log(`${wrong.length} import${wrong.length === 1 ? '' : 's'} into flows/ internals`);
    process.exit(wrong.length > 0 ? 1 : 0);
  }
  for (const file of changed) console.log(`rewrote ${rel(file)}`);
  console.log(
    `${wrong.length} import${wrong.length === 1 ? '' : 's'} rewritten in ${changed.length} files`,
  );
}
