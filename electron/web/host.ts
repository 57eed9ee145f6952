// Browser mode: the renderer and the host services on 127.0.0.1 only; the API behind a per-launch
// token (see token-guard.ts). `npm run web` and the end-to-end tests both start it through
// startWebHost.
import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { DEV_HEADER_CSP, securityHeaders } from '../security-headers';
import { serviceHandlers, type ChannelHandlers } from '../host-dispatch';
import { createHostServices, type HostServices } from '../services';
import { createPlainFileSecretStore } from '../services/secrets';
import { handleApiRequest } from './api-routes';
import { createRendererDevServer } from './renderer-dev-server';
import { guardRequest, isApiPath, newToken, upgradeAllowed } from './token-guard';

export interface WebHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where settings, recent files, recovery snapshots and secrets go. */
  userDataDir: string;
  /** A flow to open at start (documents.initial). */
  initialPath?: string | null;
  /** Fixed token for tools; a fresh random one by default. */
  token?: string;
}

export interface WebHost {
  /** The URL with the token in its fragment, to open in a browser. */
  url: string;
  origin: string;
  port: number;
  token: string;
  services: HostServices;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  await mkdir(options.userDataDir, { recursive: true, mode: 0o700 });
  const token = options.token ?? newToken();
  const services = createHostServices({
    userDataDir: options.userDataDir,
    secrets: createPlainFileSecretStore(join(options.userDataDir, 'secrets.json')),
    mode: 'web',
    initialPath: options.initialPath ?? null,
  });
  const handlers: Partial<ChannelHandlers> = {
    ...serviceHandlers(services),
    // The browser shows its own title and asks on unload; the host has nothing to do.
    'window.setTitle': async () => null,
    'window.setDirty': async () => null,
  };
  const upgrades = new EventEmitter();
  const vite = await createRendererDevServer(upgrades);
  let port = 0;
  const headers = Object.entries(securityHeaders(DEV_HEADER_CSP));
  const server = createServer((req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    if (guardRequest(req, res, token, port) === 'handled') return;
    // The browser asks for it on its own; the renderer has no icon file (yet): say "none".
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    // The guard and the router judge the same normalized path, so none slips between them.
    if (isApiPath(req.url)) {
      handleApiRequest(req, res, handlers).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
      return;
    }
    vite.middlewares(req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    if (upgradeAllowed(req, port)) upgrades.emit('upgrade', req, socket, head);
    else socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  try {
    port = await listen(server, options.port ?? 0);
  } catch (error) {
    await vite.close(); // e.g. the port is taken: leave nothing running behind
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    // The fragment never leaves the browser: no server, log or Referer sees it.
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    services,
    close: () => closeAll(server, vite),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function closeAll(server: Server, vite: ViteDevServer): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await vite.close();
}
