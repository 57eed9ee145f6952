// Finding scenario files and loading the flows they name, for `threadline test` and its tests.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  compileFlow,
  CompiledFlow,
  lintMessage,
  nodeDisplayNames,
  parseScenario,
  type Scenario,
} from '../../flows';
import { applyZodLanguage, cliLanguage, cliMessages } from '../i18n';
import { formatFinding, loadFlowFile } from './lint';

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };
/** A scenario's flow, with its nodes' display names when it was loaded from a document. */
export type LoadedFlow = Loaded<CompiledFlow> & { names?: ReadonlyMap<string, string> };

/** Files as given, folders searched recursively for *.scenario.json (sorted, for stable output). */
export async function findScenarioFiles(paths: string[]): Promise<Loaded<string[]>> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      return { ok: false, message: cliMessages().text('noSuchPath', { path }) };
    }
    if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return { ok: true, value: files };
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      found.push(...(await walk(path)));
    else if (entry.isFile() && entry.name.endsWith('.scenario.json')) found.push(path);
  }
  return found;
}

export async function loadScenario(file: string): Promise<Loaded<Scenario>> {
  applyZodLanguage();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      message: cliMessages().text('cannotRead', {
        file,
        reason: String((error as NodeJS.ErrnoException).code ?? error),
      }),
    };
  }
  const parsed = parseScenario(text, file);
  return parsed.ok
    ? { ok: true, value: parsed.scenario }
    : { ok: false, message: lintMessage(parsed, cliLanguage()) };
}

/** The scenario's flow (relative to the scenario file): a flow document, compiled, or a compiled flow. */
export async function loadScenarioFlow(
  scenarioFile: string,
  scenario: Scenario,
  cache: Map<string, Promise<LoadedFlow>>,
): Promise<LoadedFlow & { path: string }> {
  const path = resolve(dirname(scenarioFile), scenario.flow);
  let loading = cache.get(path);
  if (!loading) {
    loading = loadCompiled(path);
    cache.set(path, loading);
  }
  return { ...(await loading), path };
}

async function loadCompiled(path: string): Promise<LoadedFlow> {
  if (path.endsWith('.compiled.json')) {
    try {
      const parsed = CompiledFlow.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (parsed.success) return { ok: true, value: parsed.data };
      return {
        ok: false,
        message: cliMessages().text('notCompiledFlow', {
          file: path,
          problem: String(parsed.error.issues[0]?.message),
        }),
      };
    } catch (error) {
      return { ok: false, message: `${path}: ${(error as Error).message}` };
    }
  }
  const loaded = await loadFlowFile(path);
  if (!loaded.ok)
    return { ok: false, message: loaded.findings.map((f) => formatFinding(path, f)).join('\n') };
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok)
    return { ok: false, message: compiled.findings.map((f) => formatFinding(path, f)).join('\n') };
  // The compiled flow keeps only ids: names come from the document (docs/format.md §1).
  return { ok: true, value: compiled.compiled, names: nodeDisplayNames(loaded.document.nodes) };
}
