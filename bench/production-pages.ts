// The designer benchmark compares production code, as users run it: one `vite build` of the
// renderer and the bare React Flow page (React in production mode for both), served as static
// files. Host calls (/api/...) go on to the browser-mode host with its token, so the pages read
// the flow exactly as they do in browser mode.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { RENDERER_ROOT } from '../electron/web/renderer-dev-server';
import { TOKEN_HEADER } from '../electron/web/token-guard';
import type { WebHost } from '../electron/web/host';

/**
 * Builds the designer (index.html) and the bare page (bench/bare.html) into outDir. `minify:
 * false` keeps function names readable in profiles.
 */
export async function buildPages(outDir: string, { minify = true } = {}): Promise<void> {
  // Vite keeps a NODE_ENV it finds set, and the host's dev server sets it to "development":
  // React would then be built in development mode. Build in production, then put it back.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await buildOnce(outDir, minify);
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

async function buildOnce(outDir: string, minify: boolean): Promise<void> {
  await build({
    configFile: false,
    root: RENDERER_ROOT,
    mode: 'production',
    plugins: [react()],
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      rollupOptions: {
        input: {
          main: join(RENDERER_ROOT, 'index.html'),
          bare: join(RENDERER_ROOT, 'bench/bare.html'),
        },
      },
    },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves outDir on 127.0.0.1 and forwards /api/ to the host. */
export async function servePages(outDir: string, host: WebHost): Promise<PageServer> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/')) forward(req, res, host);
    else void serveFile(outDir, req.url ?? '/', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(root: string, url: string, res: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  if (!file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  createReadStream(file).pipe(res);
}

function forward(req: IncomingMessage, res: ServerResponse, host: WebHost): void {
  const upstream = request(
    {
      host: '127.0.0.1',
      port: host.port,
      method: req.method,
      path: req.url,
      headers: {
        'content-type': req.headers['content-type'] ?? 'application/json',
        host: `127.0.0.1:${host.port}`,
        [TOKEN_HEADER]: host.token,
      },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => res.writeHead(502).end(String(error)));
  req.pipe(upstream);
}
