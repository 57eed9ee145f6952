// Issue 2, the walking skeleton: browser mode serves the designer with the welcome example on
// the canvas, and nothing answers without the per-launch token.
import { mkdir, readFile } from 'node:fs/promises';
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

  it('answers 403 to a request without the token', async () => {
    const page = await fetch(`${app.host.origin}/`);
    expect(page.status).toBe(403);
    const api = await fetch(`${app.host.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(api.status).toBe(403);
  });

  it('answers 403 to a wrong token', async () => {
    const res = await fetch(`${app.host.origin}/?token=${'x'.repeat(app.host.token.length)}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
  });

  it('serves the host API to the page through its cookie', async () => {
    const info = await app.page.evaluate(async () => {
      const res = await fetch('/api/app.info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '[]',
      });
      return res.json();
    });
    expect(info).toMatchObject({ ok: true, value: { name: 'Threadline', mode: 'web' } });
  });
});
