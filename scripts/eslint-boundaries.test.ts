// The layer rule against files placed in each folder of the repository.
import { join } from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { boundariesPlugin } from './eslint-boundaries.mjs';

RuleTester.describe = describe;
RuleTester.it = it;

const root = process.cwd();
const at = (path: string) => join(root, path);
const rule = boundariesPlugin.rules!.imports as Rule.RuleModule;
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
});

tester.run('threadline/imports', rule, {
  valid: [
    { filename: at('flows/engine/step.ts'), code: "import { Flow } from '../schema';" },
    { filename: at('flows/engine/step.ts'), code: "import { z } from 'zod';" },
    { filename: at('renderer/src/App.tsx'), code: "import { lintFlow } from '../../flows/lint';" },
    {
      filename: at('renderer/src/host/index.ts'),
      code: "import type { HostApi } from '../../../electron/host-api';",
    },
    { filename: at('electron/main/x.ts'), code: "import { Flow } from '../../flows/schema';" },
    {
      filename: at('cli/commands/runtime.ts'),
      code: "import { start } from '../../runtime/server';",
    },
    {
      filename: at('renderer/src/x.test.ts'),
      code: "import { readFile } from 'node:fs/promises';",
    },
    // flows/'s entry modules, its data files, and flows/ inside itself.
    { filename: at('runtime/x.ts'), code: "import { step } from '../flows';" },
    { filename: at('runtime/x.ts'), code: "import { step } from '../flows/index';" },
    { filename: at('runtime/x/y.ts'), code: "import { step } from '../../flows/engine/index';" },
    { filename: at('cli/x.ts'), code: "export { lintFlow } from '../flows/lint';" },
    {
      filename: at('runtime/x.test.ts'),
      code: "import { cleanCompiled } from '../flows/testing';",
    },
    {
      filename: at('renderer/src/x.test.ts'),
      code: "import shop from '../../flows/examples/shop.flow.json';",
    },
    { filename: at('flows/engine/step.ts'), code: "import { follow } from './follow';" },
    { filename: at('flows/lint/x.ts'), code: "import { parseDate } from '../engine/dates';" },
  ],
  invalid: [
    {
      filename: at('flows/engine/step.ts'),
      code: "import { readFile } from 'node:fs';",
      errors: [{ message: 'flows/ is pure: no Node or DOM modules such as "node:fs"' }],
    },
    {
      filename: at('flows/engine/step.ts'),
      code: "import { createRoot } from 'react-dom/client';",
      errors: [{ message: 'flows/ is pure: no Node or DOM modules such as "react-dom/client"' }],
    },
    {
      filename: at('flows/lint/x.ts'),
      code: "import { getHost } from '../../renderer/src/host';",
      errors: [
        { message: 'flows/ may not import renderer/src/host (docs/architecture.md, Layout)' },
      ],
    },
    {
      filename: at('renderer/src/App.tsx'),
      code: "import { startWebHost } from '../../electron/web/host';",
      errors: [
        { message: 'renderer/ may not import electron/web/host (docs/architecture.md, Layout)' },
      ],
    },
    {
      filename: at('renderer/src/App.tsx'),
      code: "const m = import('../../runtime/server');",
      errors: 1,
    },
    {
      filename: at('electron/main/x.ts'),
      code: "export * from '../../runtime/store';",
      errors: [
        { message: 'electron/ may not import runtime/store (docs/architecture.md, Layout)' },
      ],
    },
    {
      filename: at('renderer/src/App.tsx'),
      code: "import { readFile } from 'fs';",
      errors: [{ message: 'renderer/ runs in a browser: no "fs"' }],
    },
    {
      filename: at('renderer/src/simulator/x.ts'),
      code: "import type { SimulatorTurn } from '../../../flows/engine/simulator';",
      errors: [
        {
          message:
            'flows/engine/simulator is inside flows/: import it from its entry module flows/engine ' +
            "('../../../flows/engine'; node scripts/flows-imports.mjs rewrites such imports)",
        },
      ],
    },
    {
      filename: at('runtime/config.ts'),
      code: "import { isSecretName } from '../flows/secrets';",
      errors: [
        {
          message:
            'flows/secrets is inside flows/: import it from its entry module flows ' +
            "('../flows'; node scripts/flows-imports.mjs rewrites such imports)",
        },
      ],
    },
    {
      filename: at('runtime/admin/x.test.ts'),
      code: "export * from '../../flows/compile/test-fixtures';",
      errors: [{ message: /entry module flows\/testing \('..\/..\/flows\/testing'/ }],
    },
    {
      filename: at('scripts/x.ts'),
      code: "const m = import('../flows/lint/catalogue.ts');",
      errors: [{ message: /entry module flows\/lint \('..\/flows\/lint'/ }],
    },
  ],
});
