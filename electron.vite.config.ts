// electron-vite: main (ESM), the preload (CommonJS as .cjs, because a sandboxed preload cannot be
// an ES module) and the renderer (React), all from this one repository root.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cspNoncePlugin } from './electron/vite-csp-nonce';

export default defineConfig({
  main: {
    build: {
      lib: { entry: 'electron/main/index.ts' },
    },
  },
  preload: {
    build: {
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), cspNoncePlugin()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: 'renderer/index.html' },
    },
  },
});
