// The import table of docs/architecture.md, enforced by `npm test` (VS Code's "layers by environment"):
// which top-level folder may import which, and which folders must stay free of Node or the DOM.
// Code outside flows/ imports flows/ only through its entry modules (flows-entries.mjs);
// `node scripts/flows-imports.mjs` rewrites imports that do not.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { flowsEntryFor, isFlowsEntry } from './flows-entries.mjs';

/** Folder → folders of ours it may import from (its own is always allowed). */
export const ALLOWED_IMPORTS = {
  flows: [],
  renderer: ['flows', 'electron/host-api'],
  electron: ['flows'],
  runtime: ['flows'],
  cli: ['flows', 'electron', 'runtime'],
  // Tooling that drives the product from outside, never shipped.
  test: ['flows', 'electron', 'runtime', 'cli', 'renderer', 'scripts'],
  bench: ['flows', 'electron', 'runtime', 'cli', 'renderer'],
  scripts: ['flows', 'electron', 'runtime', 'cli'],
};

/** Packages that need a DOM or Node: the pure core must not import them. */
const NOT_PURE = new Set(['electron', 'react', 'react-dom', '@xyflow/react', 'zustand', 'vite']);
const NODE_BUILTINS = new Set(builtinModules);

/** "@xyflow/react/dist/x" → "@xyflow/react", "react-dom/client" → "react-dom". */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
}

function targetArea(root, fromFile, spec) {
  const target = relative(root, resolve(dirname(fromFile), spec))
    .split(sep)
    .join('/');
  if (target.startsWith('..')) return { area: '(outside the repository)', path: target };
  return { area: target.split('/')[0], path: target };
}

function allowed(fromArea, target) {
  if (target.area === fromArea) return true;
  return (ALLOWED_IMPORTS[fromArea] ?? []).some(
    (a) => target.path === a || target.path.startsWith(`${a}/`) || target.path.startsWith(`${a}.`),
  );
}

export const boundariesPlugin = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Keep imports within the layers of docs/architecture.md' },
        schema: [],
      },
      create(context) {
        const root = context.cwd;
        const file = context.filename;
        const fromArea = relative(root, file).split(sep)[0];
        if (!(fromArea in ALLOWED_IMPORTS)) return {};
        const pure = fromArea === 'flows';
        const check = (node, spec) => {
          if (typeof spec !== 'string') return;
          if (spec.startsWith('.')) {
            const target = targetArea(root, file, spec);
            if (!allowed(fromArea, target)) {
              context.report({
                node,
                message: `${fromArea}/ may not import ${target.path} (docs/architecture.md, Layout)`,
              });
            } else if (
              fromArea !== 'flows' &&
              target.area === 'flows' &&
              !isFlowsEntry(root, target.path)
            ) {
              const entry = flowsEntryFor(root, target.path);
              let use = relative(dirname(file), join(root, entry)).split(sep).join('/');
              if (!use.startsWith('.')) use = `./${use}`;
              context.report({
                node,
                message:
                  `${target.path} is inside flows/: import it from its entry module ${entry} ` +
                  `('${use}'; node scripts/flows-imports.mjs rewrites such imports)`,
              });
            }
          } else if (pure && (isNodeBuiltin(spec) || NOT_PURE.has(packageName(spec)))) {
            context.report({
              node,
              message: `flows/ is pure: no Node or DOM modules such as "${spec}"`,
            });
          } else if (
            fromArea === 'renderer' &&
            !/\.test\.tsx?$/.test(file) &&
            isNodeBuiltin(spec)
          ) {
            context.report({ node, message: `renderer/ runs in a browser: no "${spec}"` });
          }
        };
        const fromSource = (node) => check(node.source ?? node, node.source?.value);
        return {
          ImportDeclaration: fromSource,
          ExportNamedDeclaration: (node) => node.source && fromSource(node),
          ExportAllDeclaration: fromSource,
          ImportExpression: (node) => check(node, node.source.value),
        };
      },
    },
  },
};
