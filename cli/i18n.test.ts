// The CLI speaks German completely: every message key has German text with English's
// placeholders, and the commands without a test file of their own (compile, runtime, sandbox, the
// usage errors) say their words in German under LANG=de_DE.UTF-8.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLI_MESSAGES, cliMessages } from './i18n';
import { main } from './main';

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

let out: string[];
let err: string[];
let dir: string;

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  dir = mkdtempSync(join(tmpdir(), 'threadline-i18n-'));
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'de_DE.UTF-8');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the CLI message catalogue', () => {
  const en = CLI_MESSAGES.en as Record<string, string>;
  const de = CLI_MESSAGES.de as Record<string, string>;

  it('has German text for every English key, with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      expect(de[key]?.trim(), `German for ${key}`).toBeTruthy();
      expect(placeholders(de[key]!), `placeholders of ${key}`).toEqual(placeholders(english));
    }
  });

  it('renders every key in German with nothing left unfilled', () => {
    const { text } = cliMessages('de');
    for (const [key, english] of Object.entries(en)) {
      if (/_(one|other)$/.test(key)) continue;
      const params = Object.fromEntries(placeholders(english).map((p) => [p, 7]));
      expect(text(key as Parameters<typeof text>[0], params), key).not.toMatch(/\{\{/);
    }
  });
});

describe('commands in German under LANG=de_DE.UTF-8', () => {
  it('compile: compiled, not compiled, cannot write', async () => {
    const out1 = join(dir, 'welcome.compiled.json');
    expect(await main(['compile', 'flows/examples/welcome.flow.json', '-o', out1])).toBe(0);
    expect(err.at(-1)).toMatch(
      /^flows\/examples\/welcome\.flow\.json: nach .* kompiliert \(Revision [0-9a-f]{12}\)$/,
    );
    const doc = JSON.parse(readFileSync('flows/examples/welcome.flow.json', 'utf8'));
    doc.nodes[5].data.blocks[0].text = 'x'.repeat(2001);
    const broken = join(dir, 'broken.flow.json');
    writeFileSync(broken, JSON.stringify(doc));
    expect(await main(['compile', broken])).toBe(1);
    expect(err.at(-1)).toBe(`${broken}: nicht kompiliert: erst die Fehler oben beheben`);
    expect(err.at(-2)).toContain('error text-too-long: Dieser Text hat 2.001 Zeichen');
    expect(
      await main(['compile', 'flows/examples/welcome.flow.json', '-o', join(dir, 'no', 'x.json')]),
    ).toBe(1);
    expect(err.at(-1)).toMatch(/^threadline compile: .*x\.json kann nicht geschrieben werden: /);
    doc.nodes[5].data.blocks[0].text = 5;
    writeFileSync(broken, JSON.stringify(doc));
    expect(await main(['compile', broken])).toBe(1);
    expect(err.at(-1)).toBe(
      `${broken}: n-hours: error invalid-document: erwartet Text in "Anführungszeichen", gefunden 5`,
    );
  });

  it("test: a scenario file's schema problem in zod's German, then in English", async () => {
    const file = join(dir, 'bad.scenario.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'threadline.scenario', version: 1, flow: 'x', name: 5, steps: [] }),
    );
    expect(await main(['test', file])).toBe(1);
    expect(out.join('\n')).toContain(`${file}: name: Ungültige Eingabe: erwartet string`);
    expect(out.at(-1)).toBe('0 bestanden, 1 fehlgeschlagen');
    vi.stubEnv('LANG', 'C');
    out = [];
    expect(await main(['test', file])).toBe(1);
    expect(out.join('\n')).toContain(`${file}: name: Invalid input: expected string`);
  });

  it('runtime: names a missing setting in German', async () => {
    for (const name of ['PAGE_ID', 'PAGE_TOKEN', 'APP_SECRET', 'VERIFY_TOKEN', 'ADMIN_TOKEN'])
      vi.stubEnv(`THREADLINE_${name}`, '');
    vi.stubEnv('THREADLINE_PAGE_ID', 'page');
    expect(await main(['runtime'])).toBe(1);
    expect(err).toContain('threadline runtime: THREADLINE_PAGE_TOKEN ist nicht gesetzt');
  });

  it('sandbox and usage errors: the problem and the usage line in German', async () => {
    expect(await main(['sandbox', '--port', 'x'])).toBe(2);
    expect(err.join('\n')).toBe(
      'threadline sandbox: --port braucht eine Portnummer (0 bis 65535), erhalten: „x“\n' +
        'Aufruf: threadline sandbox [--port N] [--runtime URL]   (mehr: threadline sandbox --help)',
    );
    err = [];
    expect(await main(['sandbox', '--runtime', 'ftp://x'])).toBe(2);
    expect(err[0]).toContain('--runtime braucht eine URL (http:// oder https://)');
    expect(await main(['lint', '--nope'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline lint: unbekannte Option --nope\nAufruf: /);
    expect(await main(['runtime', 'extra'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline runtime: nimmt kein Argument, erhalten: extra\n/);
    expect(await main(['compile'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline compile: FLOW fehlt: /);
    expect(await main(['frobnicate'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline: unbekannter Befehl „frobnicate“/);
    expect(await main(['revisions', 'f', '--to', 'nope'])).toBe(2);
    expect(err.join('\n')).toContain('--to braucht die URL der Runtime');
  });
});
