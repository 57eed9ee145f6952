// The flows/ import codemod on a tiny repository in a temporary folder: it points imports at the
// entry modules, extends an entry that lacks a name, merges imports of one entry, keeps type-only
// imports type-only, and changes nothing the second time.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { run } from './flows-imports.mjs';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'flows-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const read = (path: string) => readFileSync(join(root!, path), 'utf8');

it('rewrites imports into flows/ internals to the entry modules, once', async () => {
  const dir = tree({
    '.prettierrc.json': readFileSync('.prettierrc.json', 'utf8'),
    'flows/index.ts': "export * from './engine';\n",
    'flows/limits.ts': 'export const LIMIT = 3;\n',
    'flows/engine/index.ts': "export { step } from './step';\n",
    'flows/engine/step.ts': 'export const step = 1;\nexport type Turn = { n: number };\n',
    'flows/engine/sim.ts': 'export class Sim {}\nexport type SimTurn = { t: number };\n',
    'flows/compile/index.ts': 'export const compile = 1;\n',
    'flows/compile/test-fixtures.ts': 'export const broken = 2;\n',
    'flows/testing/index.ts': '// fixtures\n',
    'flows/examples/a.flow.json': '{}\n',
    'runtime/x.ts': [
      "import { step } from '../flows/engine';",
      "import type { Turn } from '../flows/engine/step';",
      "import { Sim, type SimTurn } from '../flows/engine/sim';",
      "import { LIMIT } from '../flows/limits';",
      "import { compile } from '../flows/compile/index';",
      "import a from '../flows/examples/a.flow.json';",
      'export const all = [step, Sim, LIMIT, compile, a] as const;',
      'export type T = Turn | SimTurn;',
      '',
    ].join('\n'),
    'renderer/src/y.test.ts': [
      "import type { SimTurn } from '../../flows/engine/sim';",
      "import { broken } from '../../flows/compile/test-fixtures';",
      'export const b: SimTurn | number = broken;',
      '',
    ].join('\n'),
  });

  expect((await run(dir, { check: true })).wrong.map((w) => w.spec)).toEqual([
    '../flows/engine/step',
    '../flows/engine/sim',
    '../flows/limits',
    '../../flows/engine/sim',
    '../../flows/compile/test-fixtures',
  ]);
  expect(read('runtime/x.ts')).toContain("'../flows/engine/sim'"); // --check changes nothing

  await run(dir);
  expect(read('runtime/x.ts')).toBe(
    [
      "import { step, type Turn, Sim, type SimTurn } from '../flows/engine';",
      "import { LIMIT } from '../flows';",
      "import { compile } from '../flows/compile/index';",
      "import a from '../flows/examples/a.flow.json';",
      'export const all = [step, Sim, LIMIT, compile, a] as const;',
      'export type T = Turn | SimTurn;',
      '',
    ].join('\n'),
  );
  expect(read('renderer/src/y.test.ts')).toBe(
    [
      "import type { SimTurn } from '../../flows/engine';",
      "import { broken } from '../../flows/testing';",
      'export const b: SimTurn | number = broken;',
      '',
    ].join('\n'),
  );
  expect(read('flows/engine/index.ts')).toBe(
    [
      "export { step } from './step';",
      "export type { Turn } from './step';",
      "export { Sim, type SimTurn } from './sim';",
      '',
    ].join('\n'),
  );
  expect(read('flows/index.ts')).toBe(
    ["export * from './engine';", "export { LIMIT } from './limits';", ''].join('\n'),
  );
  expect(read('flows/testing/index.ts')).toBe(
    ['// fixtures', "export { broken } from '../compile/test-fixtures';", ''].join('\n'),
  );

  const again = await run(dir);
  expect(again).toEqual({ wrong: [], changed: [] });
}, 60_000);
