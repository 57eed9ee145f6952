// Flow and scenario files on disk: open, atomic save, the recent-files list, and the
// `*.scenario.json` files that sit next to a flow.
//
// The renderer names the paths, so the renderer (or whoever drives browser mode's API) must not
// be able to read just any file through us: open reads `*.flow.json` and `*.scenario.json` files
// only (a plain `.json` is refused, whatever it holds: Threadline saves flows as `.flow.json`), and
// no call touches the app's user-data folder, where secrets.json, settings and recovery live,
// not even through a symbolic link.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { OpenedFile } from '../host-api';
import { writeFileAtomic } from './atomic-write';
import { readJsonFile } from './json-file';
import { ServiceError } from './service-error';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_RECENT = 10;
const FLOW_SUFFIX = '.flow.json';
const SCENARIO_SUFFIX = '.scenario.json';
const RecentFiles = z.array(z.string()).max(100);

export interface DocumentsService {
  open(path: string): Promise<OpenedFile>;
  save(path: string, text: string): Promise<void>;
  recent(): Promise<string[]>;
  listScenarios(flowPath: string): Promise<OpenedFile[]>;
  saveScenario(flowPath: string, name: string, text: string): Promise<string>;
}

export function createDocumentsService(userDataDir: string): DocumentsService {
  /** Refuses a path inside the user-data folder, comparing real paths (links resolved). */
  async function outsideUserData(full: string): Promise<string> {
    const userData = await realOrSelf(userDataDir);
    const target = await realOrSelf(full);
    if (isInside(userData, target) || isInside(resolve(userDataDir), full)) {
      throw new ServiceError(
        'forbidden-path',
        full,
        `${basename(full)} is in Threadline's own data folder (${userDataDir}), which flows and ` +
          'scenarios may not use',
      );
    }
    return full;
  }
  const flowOrScenario = (path: string) =>
    outsideUserData(requireSuffix(path, [FLOW_SUFFIX, SCENARIO_SUFFIX]));
  const flowFile = (path: string) => outsideUserData(requireSuffix(path, [FLOW_SUFFIX]));

  const recentFile = join(userDataDir, 'recent-files.json');
  const readRecent = async () => (await readJsonFile(recentFile, RecentFiles)) ?? [];
  let recentQueue: Promise<unknown> = Promise.resolve();

  function remember(path: string): Promise<void> {
    const next = recentQueue.then(async () => {
      const list = [path, ...(await readRecent()).filter((p) => p !== path)].slice(0, MAX_RECENT);
      await writeFileAtomic(recentFile, `${JSON.stringify(list, null, 2)}\n`);
    });
    recentQueue = next.catch(() => undefined);
    return next;
  }

  return {
    async open(path) {
      const full = await flowOrScenario(path);
      const file = { path: full, text: await readText(full) };
      if (full.endsWith(FLOW_SUFFIX)) await remember(full);
      return file;
    },
    async save(path, text) {
      const full = await flowFile(path);
      await writeOrFail(full, text);
      await remember(full);
    },
    async recent() {
      const list = await readRecent();
      const present = await Promise.all(list.map((p) => exists(p)));
      return list.filter((_, i) => present[i]);
    },
    async listScenarios(flowPath) {
      const dir = dirname(await flowFile(flowPath));
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        throw new ServiceError('not-found', dir, `Cannot list ${dir}: ${reason(error)}`);
      }
      const scenarios = names.filter((n) => n.endsWith(SCENARIO_SUFFIX)).sort();
      return Promise.all(
        scenarios.map(async (n) => ({ path: join(dir, n), text: await readText(join(dir, n)) })),
      );
    },
    async saveScenario(flowPath, name, text) {
      const dir = dirname(await flowFile(flowPath));
      const path = join(dir, `${scenarioFileStem(name)}${SCENARIO_SUFFIX}`);
      await writeOrFail(path, text);
      return path;
    },
  };
}

/** Turns a scenario's display name into a safe file name: never a path, never empty. */
export function scenarioFileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return stem || 'scenario';
}

const KINDS: Record<string, string> = {
  [FLOW_SUFFIX]: 'a flow (*.flow.json)',
  [SCENARIO_SUFFIX]: 'a scenario (*.scenario.json)',
};

function requireSuffix(path: string, suffixes: string[]): string {
  const full = resolve(path);
  if (!suffixes.some((s) => full.toLowerCase().endsWith(s))) {
    throw new ServiceError(
      'wrong-file-type',
      path,
      `${basename(path)} is not ${suffixes.map((s) => KINDS[s] ?? s).join(' or ')} file`,
    );
  }
  return full;
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path of a file or, when it does not exist yet, of its folder plus its name. */
async function realOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

async function readText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ServiceError('not-a-file', path, `${path} is not a file`);
    if (info.size > MAX_FILE_BYTES) {
      throw new ServiceError('too-large', path, `${path} is larger than 20 MB`);
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('cannot-read', path, `Cannot open ${path}: ${reason(error)}`);
  }
}

async function writeOrFail(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw new ServiceError('cannot-write', path, `Cannot save ${path}: ${reason(error)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
