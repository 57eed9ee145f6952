// Application settings: one JSON file in the user data directory.
import { join } from 'node:path';
import { z } from 'zod';
import { LanguageSetting, PageArg } from '../host-api';
import { writeFileAtomic } from './atomic-write';
import { readJsonFile } from './json-file';

export const WindowBounds = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const Settings = z.object({
  window: WindowBounds.optional(),
  runtimeUrl: z.url().optional(),
  language: LanguageSetting.optional(),
  /** The Page the runtime answers (username or id), for the ref triggers' m.me links. */
  page: PageArg.optional(),
});
export type Settings = z.infer<typeof Settings>;

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
}

export function createSettingsService(userDataDir: string): SettingsService {
  const path = join(userDataDir, 'settings.json');
  let queue: Promise<unknown> = Promise.resolve();
  const get = async (): Promise<Settings> => (await readJsonFile(path, Settings)) ?? {};
  return {
    get,
    // Serialised so that two quick updates never lose one another.
    update(patch) {
      const next = queue.then(async () => {
        const merged = Settings.parse({ ...(await get()), ...patch });
        await writeFileAtomic(path, `${JSON.stringify(merged, null, 2)}\n`);
        return merged;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
