import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../security-headers';
import { resolveAppFile } from './app-protocol';
import { isAllowedRequest } from './security';

describe('app:// protocol', () => {
  const dir = '/opt/threadline/out/renderer';

  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://threadline/')).toBe(`${dir}/index.html`);
    expect(resolveAppFile(dir, 'app://threadline/assets/index.js')).toBe(`${dir}/assets/index.js`);
  });

  it('never serves a file outside the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://threadline/..%2F..%2Fmain%2Findex.js')).toBeNull();
    // The URL parser resolves dot segments itself: the result stays inside the folder.
    expect(resolveAppFile(dir, 'app://threadline/%2e%2e/secrets')).toBe(`${dir}/secrets`);
    expect(resolveAppFile(dir, 'app://elsewhere/index.html')).toBeNull();
  });
});

describe('network requests from the renderer', () => {
  it('allows our own origin and the dev server, and nothing remote', () => {
    expect(isAllowedRequest('app://threadline/assets/a.js', 'app://threadline')).toBe(true);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(
      true,
    );
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('https://example.com/x.png', 'app://threadline')).toBe(false);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('serving the built renderer', () => {
  it('answers with the file and its content type, and 404 outside the folder', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { serveRenderer } = await import('./app-protocol');
    const dir = await mkdtemp(join(tmpdir(), 'tl-app-'));
    await writeFile(join(dir, 'index.html'), '<p>hi</p>');
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    const protocol = { handle: (_scheme: string, fn: typeof handler) => (handler = fn) };
    serveRenderer(protocol as never, dir);
    const page = await handler!({ url: 'app://threadline/' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<p>hi</p>');
    // frame-ancestors only counts in a header; the whole policy goes there.
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const missing = await handler!({ url: 'app://threadline/missing.js' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect((await handler!({ url: 'app://threadline/..%2F..%2Fetc%2Fpasswd' })).status).toBe(404);
    await rm(dir, { recursive: true, force: true });
  });
});

describe("the renderer's Content-Security-Policy", () => {
  it('is the same in the <meta> tag of renderer/index.html and in the header', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
  });
});
