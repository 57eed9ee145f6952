// Reads a small JSON state file of ours, validated; a missing or damaged file counts as absent,
// because settings, recent files and snapshots must never stop the app from starting.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

export async function readJsonFile<T extends z.ZodType>(
  path: string,
  schema: T,
): Promise<z.infer<T> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
