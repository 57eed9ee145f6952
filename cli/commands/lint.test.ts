// The tests write wrong values into documents on purpose, as a hand-edited file might.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as compile } from './compile';
import { run as lint } from './lint';

const EXAMPLES = ['welcome', 'shop', 'support', 'lead-capture'].map(
  (id) => `flows/examples/${id}.flow.json`,
);
let out: string[];
let err: string[];
let dir: string;

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  dir = mkdtempSync(join(tmpdir(), 'threadline-cli-'));
  // English, whatever the machine's locale; the German tests ask for theirs.
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'C.UTF-8');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function flowFile(
  name: string,
  edit: (doc: Record<string, unknown> & { nodes: any[] }) => void,
): string {
  const doc = JSON.parse(readFileSync('flows/examples/welcome.flow.json', 'utf8'));
  edit(doc);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

describe('threadline lint', () => {
  it('passes the example flows with exit code 0', async () => {
    expect(await lint(EXAMPLES)).toBe(0);
    expect(out).toEqual([]);
    expect(err.at(-1)).toBe('0 errors, 0 warnings in 4 files');
  });

  it('prints FILE: NODE_ID: severity CODE: message and exits 1 on an error', async () => {
    const file = flowFile('long.flow.json', (doc) => {
      doc.nodes[5].data.blocks[0].text = 'x'.repeat(2001);
      delete doc.disclosure;
    });
    expect(await lint([file])).toBe(1);
    expect(out).toEqual([
      `${file}: disclosure: warning no-disclosure: There is no disclosure message. Laws in Germany and California require bots to say they are automated; set one in the flow's settings.`,
      `${file}: n-hours: error text-too-long: This text has 2,001 characters; Messenger allows 2,000.`,
    ]);
  });

  it('exits 0 when there are only warnings', async () => {
    const file = flowFile('warn.flow.json', (doc) => void delete doc.disclosure);
    expect(await lint([file])).toBe(0);
  });

  it('reports an unreadable document as invalid-document with its path', async () => {
    const file = flowFile('typo.flow.json', (doc) => void (doc.nodes[4].data.quickReplys = []));
    expect(await lint([file, join(dir, 'missing.flow.json')])).toBe(1);
    expect(out).toEqual([
      `${file}: n-menu: error invalid-document: unknown field "quickReplys" (check its spelling; fields are case-sensitive)`,
      `${join(dir, 'missing.flow.json')}: -: error invalid-document: file not found`,
    ]);
  });

  it('prints findings as JSON with --json', async () => {
    const file = flowFile('json.flow.json', (doc) => void delete doc.disclosure);
    expect(await lint([file, '--json'])).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual([
      expect.objectContaining({
        file,
        code: 'no-disclosure',
        severity: 'warning',
        field: 'disclosure',
      }),
    ]);
  });

  it('asks for a flow when given none', async () => {
    expect(await lint([])).toBe(2);
    expect(err[0]).toContain('Usage: threadline lint');
  });
});

describe('threadline compile', () => {
  it('writes the compiled flow to -o, identical on every run', async () => {
    const target = join(dir, 'shop.compiled.json');
    expect(await compile(['flows/examples/shop.flow.json', '-o', target])).toBe(0);
    const first = readFileSync(target, 'utf8');
    expect(JSON.parse(first)).toMatchObject({ format: 'threadline.compiled', flowId: 'shop' });
    expect(await compile(['flows/examples/shop.flow.json', '-o', target])).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(first);
  });

  it('prints to stdout without -o', async () => {
    expect(await compile(['flows/examples/welcome.flow.json'])).toBe(0);
    expect(JSON.parse(out.join('')).flowId).toBe('welcome');
  });

  it('refuses a flow with lint errors, writes nothing and exits 1', async () => {
    const file = flowFile('bad.flow.json', (doc) => void (doc.nodes[5].data.blocks[0].text = ''));
    const target = join(dir, 'bad.compiled.json');
    expect(await compile([file, '-o', target])).toBe(1);
    expect(err[0]).toBe(
      `${file}: n-hours: error text-empty: This text is empty; Messenger cannot send an empty message.`,
    );
    expect(() => readFileSync(target)).toThrow();
  });
});

describe('threadline lint in German', () => {
  it('says its own words in German under LANG=de_DE.UTF-8 and keeps codes English', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const missing = join(dir, 'missing.flow.json');
    expect(await lint([...EXAMPLES, missing])).toBe(1);
    expect(out).toContain(`${missing}: -: error invalid-document: Datei nicht gefunden`);
    expect(err.at(-1)).toBe('1 Fehler, 0 Warnungen in 5 Dateien');
  });

  it('says in German where a file stops being JSON and when it is no flow', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const broken = join(dir, 'broken.flow.json');
    writeFileSync(broken, '{\n  "format": "threadline.flow",\n}');
    const other = join(dir, 'other.flow.json');
    writeFileSync(other, JSON.stringify({ format: 'threadline.scenario', version: 1 }));
    expect(await lint([broken, other])).toBe(1);
    expect(out).toEqual([
      `${broken}: -: error invalid-document: Zeile 3, Spalte 1: ein Komma vor "}" ist in JSON nicht erlaubt`,
      `${other}: format: error invalid-document: kein Threadline-Flow: "format" muss "threadline.flow" sein`,
    ]);
  });

  it('prints lint messages in German, with codes, severities and --json as in English', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const file = flowFile('long.flow.json', (doc) => {
      doc.nodes[5].data.blocks[0].text = 'x'.repeat(2001);
    });
    expect(await lint([file])).toBe(1);
    expect(out).toEqual([
      `${file}: n-hours: error text-too-long: Dieser Text hat 2.001 Zeichen; Messenger erlaubt 2.000.`,
    ]);
    out = [];
    expect(await lint([file, '--json'])).toBe(1);
    expect(JSON.parse(out.join(''))).toEqual([
      {
        file,
        code: 'text-too-long',
        severity: 'error',
        nodeId: 'n-hours',
        field: 'data.blocks[0].text',
        message: 'This text has 2,001 characters; Messenger allows 2,000.',
      },
    ]);
  });

  it('follows LC_ALL over LANG, as POSIX does', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    vi.stubEnv('LC_ALL', 'C');
    expect(await lint([EXAMPLES[0]!])).toBe(0);
    expect(err.at(-1)).toBe('0 errors, 0 warnings in 1 file');
  });
});
