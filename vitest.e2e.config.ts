// End-to-end tests: real browser mode in a real Chromium, one file at a time (two cores, one
// Vite server and one browser per file), with timeouts long enough for Vite's first transform.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
