import type { ESLint } from 'eslint';
export const ALLOWED_IMPORTS: Record<string, string[]>;
export const boundariesPlugin: ESLint.Plugin;
