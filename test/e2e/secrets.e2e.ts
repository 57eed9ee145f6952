// Issue 12: an HTTP node names its API key as {{secret.ORDER_API_KEY}}; the flow settings'
// Secrets section stores the simulator's value with the host, never in the flow file.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeFlowDocument, type FlowDocument } from '../../flows';
import { inspector } from './designer-helpers';
import { startHarness, type Harness } from './harness';

const at = { x: 0, y: 0 };
const flow: FlowDocument = {
  format: 'threadline.flow',
  version: 1,
  id: 'orders',
  name: 'Orders',
  variables: [{ name: 'status', type: 'text' }],
  nodes: [
    { id: 'start', type: 'trigger', position: at, data: { kind: 'get_started' } },
    {
      id: 'call',
      type: 'http',
      position: { x: 300, y: 0 },
      data: {
        method: 'GET',
        url: 'https://api.example.com/orders',
        headers: { Authorization: 'Bearer {{secret.ORDER_API_KEY}}' },
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'call' }],
};

describe('secrets in the flow settings', () => {
  let app: Harness;
  let path: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threadline-secrets-e2e-'));
    path = join(dir, 'orders.flow.json');
    await writeFile(path, serializeFlowDocument(flow));
    app = await startHarness({ initialPath: path });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets the simulator value of each secret the flow names, outside the flow file', async () => {
    const secrets = inspector(app.page).getByRole('form', { name: 'Secrets' });
    const field = secrets.getByLabel('ORDER_API_KEY', { exact: true });
    await expect.poll(() => field.getAttribute('type'), { timeout: 60_000 }).toBe('password');
    await expect.poll(() => field.getAttribute('placeholder')).toBe('Not set');
    await field.fill('sk_live_for_the_simulator');
    await secrets.getByRole('button', { name: 'Save secrets' }).click();
    await expect.poll(() => secrets.getByRole('status').textContent()).toBe('Secrets saved.');
    await expect.poll(() => field.getAttribute('placeholder')).toBe('Stored; type to replace');
    expect(await field.inputValue()).toBe('');
    expect(await readFile(path, 'utf8')).not.toContain('sk_live_for_the_simulator');
    const stored = await readFile(join(app.userDataDir, 'secrets.json'), 'utf8');
    expect(stored).toContain('"simulator.ORDER_API_KEY": "sk_live_for_the_simulator"');

    await secrets.getByRole('button', { name: 'Clear ORDER_API_KEY' }).click();
    await expect.poll(() => field.getAttribute('placeholder')).toBe('Not set');
  });
});
