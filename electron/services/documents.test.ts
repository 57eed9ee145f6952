import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentsService, scenarioFileStem } from './documents';
import { ServiceError } from './service-error';

let dir: string;
let userData: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-docs-'));
  userData = join(dir, 'user-data');
  await import('node:fs/promises').then((fs) => fs.mkdir(userData));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('documents service', () => {
  it('saves a flow and opens it again with the same text', async () => {
    const docs = createDocumentsService(userData);
    const path = join(dir, 'shop.flow.json');
    await docs.save(path, '{"a":1}\n');
    expect(await docs.open(path)).toEqual({ path, text: '{"a":1}\n' });
  });

  it('leaves no temporary file behind after a save', async () => {
    const docs = createDocumentsService(userData);
    await docs.save(join(dir, 'shop.flow.json'), 'one');
    await docs.save(join(dir, 'shop.flow.json'), 'two');
    const names = (await readdir(dir)).filter((n) => n !== 'user-data');
    expect(names).toEqual(['shop.flow.json']);
  });

  it('refuses to save anything but a .flow.json file', async () => {
    const docs = createDocumentsService(userData);
    await expect(docs.save(join(dir, 'notes.txt'), 'x')).rejects.toMatchObject({
      code: 'wrong-file-type',
    });
  });

  it('reports a save into a missing folder as cannot-write, naming the file', async () => {
    const docs = createDocumentsService(userData);
    const path = join(dir, 'missing', 'shop.flow.json');
    const error = await docs.save(path, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'cannot-write', place: path });
    expect((error as Error).message).toContain('no such file or folder');
  });

  it('reports a missing file on open with its path', async () => {
    const docs = createDocumentsService(userData);
    const path = join(dir, 'gone.flow.json');
    await expect(docs.open(path)).rejects.toMatchObject({ code: 'cannot-read', place: path });
  });

  it('opens flow and scenario files', async () => {
    const docs = createDocumentsService(userData);
    const scenario = join(dir, 'happy.scenario.json');
    await writeFile(scenario, '{"steps":[]}');
    expect(await docs.open(scenario)).toEqual({ path: scenario, text: '{"steps":[]}' });
  });

  it('refuses to open any other file, even JSON that reads like a flow', async () => {
    const docs = createDocumentsService(userData);
    const plain = join(dir, 'shop.json');
    await writeFile(plain, '{"version":1,"nodes":[]}');
    const error = await docs.open(plain).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'wrong-file-type', place: plain });
    expect((error as Error).message).toBe(
      'shop.json is not a flow (*.flow.json) or a scenario (*.scenario.json) file',
    );
    await expect(docs.open('/etc/passwd')).rejects.toMatchObject({ code: 'wrong-file-type' });
  });

  it("never opens the app's secrets.json", async () => {
    const docs = createDocumentsService(userData);
    const secrets = join(userData, 'secrets.json');
    await writeFile(secrets, '{"token":"s3cret"}');
    const error = await docs.open(secrets).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'wrong-file-type', place: secrets });
    expect(JSON.stringify(error)).not.toContain('s3cret');
  });

  it('touches nothing in the user-data folder, not even a flow or a link into it', async () => {
    const docs = createDocumentsService(userData);
    const inside = join(userData, 'kept.flow.json');
    await writeFile(inside, '{}');
    await expect(docs.open(inside)).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(docs.save(inside, '{}')).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(docs.listScenarios(inside)).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(docs.saveScenario(inside, 'a', '{}')).rejects.toMatchObject({
      code: 'forbidden-path',
    });

    await writeFile(join(userData, 'secrets.json'), '{"token":"s3cret"}');
    const link = join(dir, 'innocent.flow.json');
    await symlink(join(userData, 'secrets.json'), link);
    const error = await docs.open(link).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden-path', place: link });
    expect((error as Error).message).toContain("Threadline's own data folder");
  });

  it('lists recent files newest first, once each, without files that are gone', async () => {
    const docs = createDocumentsService(userData);
    const a = join(dir, 'a.flow.json');
    const b = join(dir, 'b.flow.json');
    await docs.save(a, 'a');
    await docs.save(b, 'b');
    await docs.open(a);
    expect(await docs.recent()).toEqual([a, b]);
    await rm(b);
    expect(await docs.recent()).toEqual([a]);
  });

  it('keeps at most ten recent files', async () => {
    const docs = createDocumentsService(userData);
    for (let i = 0; i < 12; i++) await docs.save(join(dir, `f${i}.flow.json`), 'x');
    const recent = await docs.recent();
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe(join(dir, 'f11.flow.json'));
  });

  it('lists only the scenario files next to a flow, in name order', async () => {
    const docs = createDocumentsService(userData);
    await writeFile(join(dir, 'b.scenario.json'), 'B');
    await writeFile(join(dir, 'a.scenario.json'), 'A');
    await writeFile(join(dir, 'other.json'), 'no');
    const list = await docs.listScenarios(join(dir, 'shop.flow.json'));
    expect(list).toEqual([
      { path: join(dir, 'a.scenario.json'), text: 'A' },
      { path: join(dir, 'b.scenario.json'), text: 'B' },
    ]);
  });

  it('saves a scenario under a safe file name next to the flow', async () => {
    const docs = createDocumentsService(userData);
    const path = await docs.saveScenario(join(dir, 'shop.flow.json'), '../../Asks size?', 'S');
    expect(path).toBe(join(dir, 'asks-size.scenario.json'));
    expect(await readFile(path, 'utf8')).toBe('S');
  });

  it('never turns a scenario name into an empty or path-like file name', () => {
    expect(scenarioFileStem('///')).toBe('scenario');
    expect(scenarioFileStem('A/B\\C')).toBe('a-b-c');
  });
});
