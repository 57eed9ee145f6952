// Issue 2, the walking skeleton: browser mode serves the designer with the welcome example on
// the canvas, and its API answers nothing without the per-launch token, which never leaves the
// tab it was given to.
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const welcome = JSON.parse(
  await readFile(new URL('../../flows/examples/welcome.flow.json', import.meta.url), 'utf8'),
) as { nodes: { id: string }[] };

describe('browser mode', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startHarness();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the welcome example on the canvas, one node per node in the file', async () => {
    const canvas = app.page.getByRole('region', { name: 'Canvas' });
    await canvas.waitFor();
    const nodes = canvas.locator('.react-flow__node');
    await expect.poll(() => nodes.count(), { timeout: 30_000 }).toBe(welcome.nodes.length);
    await expect.poll(() => nodes.first().isVisible()).toBe(true);

    await mkdir('test-results', { recursive: true });
    await app.page.screenshot({ path: 'test-results/browser-mode.png' });
    expect(app.errors).toEqual([]);
  });

  it('answers 403 to an API call without the token or with a wrong one', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(`${app.host.origin}/api/app.info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '[]',
      });
    expect((await call({})).status).toBe(403);
    expect((await call({ 'X-Threadline-Token': 'x'.repeat(app.host.token.length) })).status).toBe(
      403,
    );
  });

  it('keeps the token out of the address bar and sends it as a header from this tab', async () => {
    expect(app.url).toContain('#token=');
    await expect.poll(() => app.page.url()).toBe(`${app.host.origin}/`);
    const info = await app.page.evaluate(async () => {
      const res = await fetch('/api/app.info', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Threadline-Token': sessionStorage.getItem('threadline.token') ?? '',
        },
        body: '[]',
      });
      return res.json();
    });
    expect(info).toMatchObject({ ok: true, value: { name: 'Threadline', mode: 'web' } });
  });

  it('never lets the token reach another server on 127.0.0.1', async () => {
    // Cookies ignore ports: had the host set one, this server would receive it.
    const seen: string[] = [];
    const other = createServer((req, res) => {
      seen.push(`${req.url} ${JSON.stringify(req.headers)}`);
      res.end('other');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = (other.address() as AddressInfo).port;
      const page = await app.page.context().newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.close();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.join('\n')).not.toContain(app.host.token);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('sends the framing ban as a header, where browsers honour it', async () => {
    const res = await app.page.request.get(`${app.host.origin}/`);
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers()['x-frame-options']).toBe('DENY');
  });
});
