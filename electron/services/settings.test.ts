import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsService } from './settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tl-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bounds = { x: 10, y: 20, width: 900, height: 700, maximized: false };

describe('settings', () => {
  it('starts empty and remembers what was set, across instances', async () => {
    expect(await createSettingsService(dir).get()).toEqual({});
    await createSettingsService(dir).update({ window: bounds });
    expect(await createSettingsService(dir).get()).toEqual({ window: bounds });
  });

  it('keeps both of two updates made at the same time', async () => {
    const settings = createSettingsService(dir);
    await Promise.all([
      settings.update({ window: bounds }),
      settings.update({ runtimeUrl: 'http://127.0.0.1:8080' }),
    ]);
    expect(await settings.get()).toEqual({ window: bounds, runtimeUrl: 'http://127.0.0.1:8080' });
  });

  it('refuses an invalid value instead of saving it', async () => {
    const settings = createSettingsService(dir);
    await expect(settings.update({ runtimeUrl: 'not a url' })).rejects.toThrow();
    expect(await settings.get()).toEqual({});
  });

  it('starts from defaults when the file is damaged', async () => {
    await writeFile(join(dir, 'settings.json'), 'nonsense');
    expect(await createSettingsService(dir).get()).toEqual({});
  });
});
