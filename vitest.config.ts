import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{flows,renderer,electron,runtime,cli,scripts,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
