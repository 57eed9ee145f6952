// Serves renderer/ through Vite in middleware mode, so browser mode needs no build step. Hot
// reload rides on our own HTTP server: the host hands Vite only the WebSocket upgrades from our
// own origin (see host.ts), so it is no second door past the guard.
//
// The page and its modules are served without the token, so Vite may serve only what the renderer
// is built from: renderer/, flows/, electron/host-api.ts and the installed packages. The rest of
// the checkout (and anything else on disk) stays out of reach of /@fs/ URLs.
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import { cspNoncePlugin } from '../vite-csp-nonce';

export const RENDERER_ROOT = fileURLToPath(new URL('../../renderer', import.meta.url));
const inRepo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The files and folders Vite may serve; node_modules also under its real path (it may be a link). */
export function servedPaths(): string[] {
  const modules = inRepo('node_modules');
  let realModules = modules;
  try {
    realModules = realpathSync(modules);
  } catch {
    // no node_modules folder: nothing to add
  }
  return [
    ...new Set([
      RENDERER_ROOT,
      inRepo('flows'),
      inRepo('electron/host-api.ts'),
      modules,
      realModules,
    ]),
  ];
}

export async function createRendererDevServer(upgrades: EventEmitter): Promise<ViteDevServer> {
  return createServer({
    configFile: false,
    root: RENDERER_ROOT,
    appType: 'spa',
    // Its own pre-bundle cache per checkout: node_modules may be a link shared by several
    // checkouts (git worktrees), and one dev server must not rewrite another's optimised deps.
    cacheDir: inRepo('.cache/vite'),
    plugins: [react(), cspNoncePlugin()],
    logLevel: 'warn',
    clearScreen: false,
    server: {
      middlewareMode: true,
      // Vite only calls .on('upgrade') on it; the host emits the upgrades it has checked.
      ws: { server: upgrades as Server },
      // Transform the entry while the browser is still starting, so the first load is quick.
      warmup: { clientFiles: ['./src/main.tsx'] },
      fs: { strict: true, allow: servedPaths() },
    },
  });
}
