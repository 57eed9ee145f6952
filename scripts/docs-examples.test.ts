// The JSON examples in docs/format.md are checked with the project's own schemas, so the page
// cannot drift from the code. A block is tagged after its language (```json flow, ```json node,
// ```json scenario, ```json fragment); a scenario whose `flow` names a flow example of the same
// page (`<id>.flow.json`) is also replayed against it. Failures name the file and line. The
// tables of the docs pages are checked for rows that an unescaped `|` split into extra cells.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileFlow,
  FlowNode,
  parseFlowDocument,
  parseScenario,
  runScenario,
  type CompiledFlow,
} from '../flows';

const DOCS = ['docs/format.md'] as const;
const TAGS = ['flow', 'node', 'scenario', 'fragment'] as const;
const TABLE_PAGES = ['docs/format.md', 'docs/architecture.md', 'docs/messenger.md'] as const;

export interface JsonExample {
  /** `docs/format.md:42`: the line of the opening fence. */
  where: string;
  tag: string;
  text: string;
}

/** Every fenced ```json block of a Markdown text, with the tag that follows the language. */
export function jsonExamples(markdown: string, file: string): JsonExample[] {
  const examples: JsonExample[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith(fence); i++) body.push(lines[i]!);
    if (open[2] === 'json')
      examples.push({ where: `${file}:${start + 1}`, tag: open[3]!.trim(), text: body.join('\n') });
  }
  return examples;
}

/** The flow examples of a page, compiled, by the file name scenarios use for them. */
function compiledFlows(examples: JsonExample[]): Map<string, CompiledFlow> {
  const flows = new Map<string, CompiledFlow>();
  for (const example of examples.filter((e) => e.tag === 'flow')) {
    const loaded = parseFlowDocument(example.text);
    const compiled = loaded.ok ? compileFlow(loaded.document) : undefined;
    if (compiled?.ok) flows.set(`${compiled.compiled.flowId}.flow.json`, compiled.compiled);
  }
  return flows;
}

/** Why the example is wrong, or null when it is valid. */
export function checkExample(
  example: JsonExample,
  flows: ReadonlyMap<string, CompiledFlow>,
): string | null {
  const { where, tag, text } = example;
  switch (tag) {
    case 'flow': {
      const loaded = parseFlowDocument(text);
      if (!loaded.ok)
        return `${where}: not a valid flow: ${loaded.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`;
      const compiled = compileFlow(loaded.document);
      if (compiled.ok) return null;
      return `${where}: lint errors: ${compiled.findings.map((f) => `${f.nodeId ?? '-'}: ${f.code}: ${f.message}`).join('; ')}`;
    }
    case 'node': {
      const json = parseJson(text, where);
      if (typeof json === 'string') return json;
      const parsed = FlowNode.safeParse(json.value);
      if (parsed.success) return null;
      const issue = parsed.error.issues[0];
      return `${where}: not a valid node: ${issue?.path.join('.') || 'node'}: ${issue?.message}`;
    }
    case 'scenario': {
      const parsed = parseScenario(text, where);
      if (!parsed.ok) return parsed.message;
      const flow = flows.get(parsed.scenario.flow);
      if (!flow) return null;
      const result = runScenario(flow, parsed.scenario);
      if (result.passed) return null;
      return `${where}: the scenario fails against the flow example: ${result.failures.map((f) => `step ${f.stepIndex}: ${f.message}`).join('; ')}`;
    }
    case 'fragment': {
      const json = parseJson(text, where);
      return typeof json === 'string' ? json : null;
    }
    default:
      return `${where}: a json block needs one of the tags ${TAGS.join(', ')} after "json" (found ${JSON.stringify(tag)})`;
  }
}

function parseJson(text: string, where: string): { value: unknown } | string {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return `${where}: not JSON: ${(error as Error).message}`;
  }
}

/** Tables whose rows have a different number of cells than their header (an unescaped `|`). */
export function brokenTableRows(markdown: string, file: string): string[] {
  const broken: string[] = [];
  let fenced = false;
  let header: number | undefined;
  markdown.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || !line.startsWith('|')) return void (header = undefined);
    const cells = line.split(/(?<!\\)\|/).length;
    header ??= cells;
    if (cells !== header)
      broken.push(`${file}:${i + 1}: ${cells - 2} cells, the header has ${header - 2}`);
  });
  return broken;
}

describe('the tables of the docs pages', () => {
  for (const file of TABLE_PAGES)
    it(`${file} has as many cells in each row as in its header`, () => {
      const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
      expect(brokenTableRows(readFileSync(path, 'utf8'), file)).toEqual([]);
    });

  it('names the line of a row with an unescaped |', () => {
    const md = '| a | b |\n|---|---|\n| `x \\| y` | z |\n| `x | y` | z |\n';
    expect(brokenTableRows(md, 'x.md')).toEqual(['x.md:4: 3 cells, the header has 2']);
  });
});

for (const file of DOCS) {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  const examples = jsonExamples(readFileSync(path, 'utf8'), file);
  const flows = compiledFlows(examples);

  describe(`the JSON examples in ${file}`, () => {
    it('include flow documents, nodes and a scenario replayed against a flow example', () => {
      const tags = new Set(examples.map((e) => e.tag));
      for (const tag of ['flow', 'node', 'scenario']) expect(tags).toContain(tag);
      const replayed = examples.filter(
        (e) => e.tag === 'scenario' && flows.has(JSON.parse(e.text).flow),
      );
      expect(replayed.length).toBeGreaterThan(0);
    });

    for (const example of examples) {
      it(`${example.where} (json ${example.tag || 'without a tag'}) is valid`, () => {
        expect(checkExample(example, flows)).toBeNull();
      });
    }
  });
}

describe('checking a documentation example', () => {
  const page = (block: string) => `# Title\n\nSome text.\n\n${block}\n`;

  it('finds json blocks with their tag and the line of the fence', () => {
    const md = page('```json node\n{}\n```\n\n```sh\nnpm test\n```\n\n```json\n[]\n```');
    expect(jsonExamples(md, 'x.md')).toEqual([
      { where: 'x.md:5', tag: 'node', text: '{}' },
      { where: 'x.md:13', tag: '', text: '[]' },
    ]);
  });

  it('names the line of a flow that does not parse', () => {
    const [example] = jsonExamples(
      page('```json flow\n{ "format": "threadline.flow" }\n```'),
      'x.md',
    );
    expect(checkExample(example!, new Map())).toMatch(/^x\.md:5: .*version/);
  });

  it('names the line of a node with an unknown field', () => {
    const block =
      '```json node\n{ "id": "n", "type": "end", "position": { "x": 0, "y": 0 }, "data": { "x": 1 } }\n```';
    const [example] = jsonExamples(page(block), 'x.md');
    expect(checkExample(example!, new Map())).toMatch(/^x\.md:5: not a valid node: data/);
  });

  it('refuses a json block without a tag', () => {
    const [example] = jsonExamples(page('```json\n{}\n```'), 'x.md');
    expect(checkExample(example!, new Map())).toMatch(
      /^x\.md:5: a json block needs one of the tags/,
    );
  });

  it('names the line and step of a scenario that fails against its flow example', () => {
    const real = jsonExamples(
      readFileSync(fileURLToPath(new URL('../docs/format.md', import.meta.url)), 'utf8'),
      'docs/format.md',
    );
    const flows = compiledFlows(real);
    const scenario = {
      format: 'threadline.scenario',
      version: 1,
      flow: 'shoe-shop.flow.json',
      name: 'expects the wrong greeting',
      steps: [{ send: { getStarted: true } }, { expect: [{ text: 'Good morning' }] }],
    };
    const [example] = jsonExamples(
      page(`\`\`\`json scenario\n${JSON.stringify(scenario)}\n\`\`\``),
      'x.md',
    );
    expect(checkExample(example!, flows)).toMatch(
      /^x\.md:5: the scenario fails .*step 1: message 1/,
    );
  });
});
