// Lint for the whole repository: typescript-eslint, React hooks in the renderer, and the layer
// boundaries of docs/architecture.md (scripts/eslint-boundaries.mjs), so `npm test` refuses wrong imports.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './scripts/eslint-boundaries.mjs';

const NOT_IN_PURE_CODE = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
].map((name) => ({
  name,
  message: 'flows/ is pure: no DOM or Node globals (hosts inject clocks, I/O and randomness).',
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.cache/',
      'out/',
      'dist/',
      'release/',
      'coverage/',
      'test-results/',
      '.threadline-tmp/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { threadline: boundariesPlugin },
    rules: {
      'threadline/imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // React Compiler hints rather than bugs: shown, but they do not fail the build.
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/use-memo': 'warn',
      'react-hooks/preserve-manual-memoization': 'warn',
    },
  },
  {
    files: ['flows/**/*.ts'],
    ignores: ['flows/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_PURE_CODE] },
  },
);
