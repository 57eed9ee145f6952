// Serves renderer/ through Vite in middleware mode, so browser mode needs no build step. Hot
// reload rides on our own HTTP server: the host hands Vite only the WebSocket upgrades that
// carry the token cookie (see host.ts), so it is no second door past the guard.
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import { cspNoncePlugin } from '../vite-csp-nonce';

export const RENDERER_ROOT = fileURLToPath(new URL('../../renderer', import.meta.url));

export async function createRendererDevServer(upgrades: EventEmitter): Promise<ViteDevServer> {
  return createServer({
    configFile: false,
    root: RENDERER_ROOT,
    appType: 'spa',
    plugins: [react(), cspNoncePlugin()],
    logLevel: 'warn',
    clearScreen: false,
    server: {
      middlewareMode: true,
      // Vite only calls .on('upgrade') on it; the host emits the upgrades it has checked.
      ws: { server: upgrades as Server },
      // Transform the entry while the browser is still starting, so the first load is quick.
      warmup: { clientFiles: ['./src/main.tsx'] },
    },
  });
}
