// The cycle checker on a tiny tree of modules written to a temporary folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, runtimeImports } from './import-cycles.mjs';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('runtimeImports', () => {
  it('keeps imports that survive compilation and drops type-only ones', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, e } from './e';",
      "import './side-effect';",
      "export * from './f';",
      "export type { G } from './g';",
      "export { h } from './h';",
      "const lazy = () => import('./lazy');",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./a', './e', './side-effect', './f', './h', './lazy']);
  });
});

describe('findCycles', () => {
  it('finds each cycle once, as a chain of files, across folders and index modules', () => {
    const cycles = findCycles(
      tree({
        'lib/a.ts': "import { b } from './b';\nexport const a = b;",
        'lib/b.ts': "import { c } from './deep';\nexport const b = c;",
        'lib/deep/index.ts': "export { c } from './c';",
        'lib/deep/c.ts': "import { a } from '../a';\nexport const c = () => a;",
        'lib/self.ts': "import { self } from './self';\nexport const self = 1;",
        'app/x.tsx': "import { y } from './y.js';\nexport const x = y;",
        'app/y.ts': "import { x } from './x';\nexport const y = x;",
      }),
      ['lib', 'app'],
    );
    expect(cycles).toEqual([
      { files: ['app/x.tsx', 'app/y.ts'], chain: ['app/x.tsx', 'app/y.ts', 'app/x.tsx'] },
      {
        files: ['lib/a.ts', 'lib/b.ts', 'lib/deep/c.ts', 'lib/deep/index.ts'],
        chain: ['lib/a.ts', 'lib/b.ts', 'lib/deep/index.ts', 'lib/deep/c.ts', 'lib/a.ts'],
      },
      { files: ['lib/self.ts'], chain: ['lib/self.ts', 'lib/self.ts'] },
    ]);
  });

  it('ignores type-only imports, packages and chains without a way back', () => {
    const cycles = findCycles(
      tree({
        'lib/a.ts': "import type { B } from './b';\nimport { z } from 'zod';\nexport const a = z;",
        'lib/b.ts': "import { a } from './a';\nexport type B = typeof a;",
        'lib/c.ts': "import { a } from './a';\nimport { b } from './b';\nexport const c = [a, b];",
      }),
      ['lib'],
    );
    expect(cycles).toEqual([]);
  });
});
