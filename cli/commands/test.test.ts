import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coverageTotals } from '../../flows';
import { run, testScenarioFiles } from './test';

const EXAMPLES = resolve('flows/examples');

async function capture(args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const code = await run(args);
  log.mockRestore();
  err.mockRestore();
  return { code, lines: out.join('\n').split('\n') };
}

function scenarioFile(steps: object[], extra: object = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  const file = join(dir, 'broken.scenario.json');
  const flow = join(EXAMPLES, 'welcome.flow.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'threadline.scenario',
      version: 1,
      flow,
      name: 'broken',
      steps,
      ...extra,
    }),
  );
  return file;
}

beforeEach(() => {
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'C.UTF-8');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('threadline test', () => {
  it('reaches every node and handle of every example flow', async () => {
    const tested = await testScenarioFiles([EXAMPLES]);
    if (!tested.ok) throw new Error(tested.message);
    expect(tested.value.runs.filter((r) => !r.passed)).toEqual([]);
    const examples = ['lead-capture', 'shop', 'support', 'welcome'];
    expect(Object.keys(tested.value.coverage.flows)).toEqual(examples);
    for (const id of examples) {
      const flow = tested.value.coverage.flows[id]!;
      expect({ id, uncovered: flow.uncovered }).toEqual({ id, uncovered: [] });
      const totals = coverageTotals(flow);
      expect(totals.handles.covered).toBe(totals.handles.total);
    }
  });

  it('prints the coverage summary and N passed, N failed last, and writes coverage JSON', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'coverage-')), 'coverage.json');
    const { code, lines } = await capture([EXAMPLES, '--coverage', '--coverage-json', json]);
    expect(code).toBe(0);
    expect(lines).toContain('coverage: nodes 86/86, handles 121/121');
    expect(lines.at(-1)).toBe('10 passed, 0 failed');
    const written = JSON.parse(readFileSync(json, 'utf8'));
    expect(written.flows.welcome.handles['n-menu#reply:hours']).toBeGreaterThan(0);
    expect(written.flows.welcome.nodes['n-back']).toBeGreaterThan(0);
  });

  it('reports a failing step with its index, expected and actual, and exits 1', async () => {
    const file = scenarioFile([{ send: { getStarted: true } }, { expect: [{ text: 'Hello!' }] }]);
    const { code, lines } = await capture([file]);
    expect(code).toBe(1);
    expect(lines[0]).toBe(`FAIL ${file}: broken`);
    expect(lines[1]).toMatch(
      /^ {2}step 1: message 1: text was "Hi! I'm the shop's automated assistant/,
    );
    expect(lines[2]).toBe('    expected: [{"text":"Hello!"}]');
    expect(lines[3]).toMatch(/^ {4}actual: {3}\[\{"text":"Hi! I'm/);
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
  });

  it('says the failure, coverage and summary in German under LANG=de_DE.UTF-8', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const file = scenarioFile([
      { send: { getStarted: true } },
      { expect: [{ text: 'Hello!' }, {}] },
      { send: { quickReply: 'Nope' } },
    ]);
    const { code, lines } = await capture([file, '--coverage']);
    expect(code).toBe(1);
    expect(lines[0]).toBe(`FAIL ${file}: broken`);
    expect(lines[1]).toMatch(
      /^ {2}Schritt 1: Nachricht 1: Text war "Hi! I'm the shop's automated assistant.*", erwartet "Hello!"$/,
    );
    expect(lines[2]).toBe('    erwartet:    [{"text":"Hello!"},{}]');
    expect(lines[3]).toMatch(/^ {4}tatsächlich: \[/);
    expect(lines[4]).toMatch(
      /^ {2}Schritt 2: keine Schnellantwort mit dem Titel "Nope" \(angeboten: \[/,
    );
    expect(lines).toContain('Abdeckung welcome: Knoten 2/10, Ausgänge 1/13');
    // The node is named by its id and its display name (the summary of its content).
    expect(lines.find((l) => l.startsWith('  nicht erreicht n-back '))).toMatch(
      /^ {2}nicht erreicht n-back ".+": \(nie betreten\), next$/,
    );
    expect(lines.at(-1)).toBe('0 bestanden, 1 fehlgeschlagen');
    expect((await capture(['/nonexistent/path'])).code).toBe(1);
  });

  it('says in German where a scenario file stops being JSON, under LANG=de_DE.UTF-8', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const file = join(mkdtempSync(join(tmpdir(), 'scenarios-')), 'broken.scenario.json');
    writeFileSync(file, '{ "format": "threadline.scenario", }');
    const tested = await testScenarioFiles([file]);
    if (!tested.ok) throw new Error(tested.message);
    expect(tested.value.runs[0]?.error).toBe(
      `${file}: kein JSON: Zeile 1, Spalte 36: ein Komma vor "}" ist in JSON nicht erlaubt`,
    );
  });

  it('lists uncovered handles by node', async () => {
    const file = scenarioFile([{ send: { getStarted: true } }]);
    const { lines } = await capture([file, '--coverage']);
    expect(lines).toContain('coverage welcome: nodes 2/10, handles 1/13');
    // Each node is named by id and display name (its summary here: the flow names no node).
    expect(lines).toContain(
      '  uncovered n-menu "Hi {{user_first_name|there}}! What can …": reply:hours, reply:shop, reply:human, other',
    );
    expect(lines).toContain(
      '  uncovered n-back "Thanks for chatting with our team! Type…": (never entered), next',
    );
  });

  it('fails a scenario whose file or flow cannot be loaded, naming the problem', async () => {
    const file = scenarioFile([], { flow: 'missing.flow.json' });
    const { code, lines } = await capture([file]);
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('missing.flow.json');
    expect((await capture(['/nonexistent/path'])).code).toBe(1);
  });
});
