// The command line's shared behaviour: --help on every command, --version, and errors that name
// the option or argument at fault. Each command's own behaviour is tested beside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usageLine } from './args';
import { COMMANDS, main } from './main';

const NAMES = [
  'lint',
  'compile',
  'chat',
  'test',
  'runtime',
  'sandbox',
  'publish',
  'revisions',
  'rollback',
  'subscribers',
  'broadcast',
];
let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  // English, whatever the machine's locale (cli/i18n.test.ts has the German).
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'C.UTF-8');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('threadline --help', () => {
  it('lists every command with its usage and exits 0', async () => {
    expect(await main(['--help'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Usage: threadline <command>/);
    expect(text).toContain('threadline lint FLOW... [--json]');
    expect(text).toContain('threadline compile FLOW [-o OUT]');
    expect(text).toContain('threadline test PATH... [--coverage] [--coverage-json FILE]');
    expect(text).toContain('threadline publish FLOW --to URL [--token T]');
    for (const name of NAMES) expect(text).toContain(`threadline ${name}`);
    expect(text).toContain('--help');
  });

  it('prints the usage but exits 2 when no command is given', async () => {
    expect(await main([])).toBe(2);
    expect(out.join('\n')).toMatch(/^Usage: threadline <command>/);
  });

  it.each(NAMES)('%s --help, -h and `help %s` print its usage and exit 0', async (name) => {
    for (const argv of [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
      [name, 'x', '--help'],
    ]) {
      out = [];
      expect(await main(argv)).toBe(0);
      const text = out.join('\n');
      expect(text.split('\n')[0]).toMatch(new RegExp(`^Usage: threadline ${name}\\b`));
      expect(text).toContain('-h, --help');
    }
    expect(err).toEqual([]);
  });

  it('describes each option of a command, with defaults', async () => {
    await main(['compile', '--help']);
    expect(out.join('\n')).toMatch(/^ {2}-o, --out OUT +write the compiled flow to OUT/m);
    out = [];
    await main(['sandbox', '--help']);
    expect(out.join('\n')).toMatch(/--port N +the port to listen on \(default 8090\)/);
    out = [];
    await main(['runtime', '--help']);
    expect(out.join('\n')).toContain('THREADLINE_ADMIN_TOKEN');
  });

  it('names an unknown command and exits 2', async () => {
    expect(await main(['lnt'])).toBe(2);
    expect(err[0]).toMatch(/^threadline: unknown command "lnt"/);
  });
});

describe('the README', () => {
  it('lists every command with the usage line its declaration makes', () => {
    expect(Object.keys(COMMANDS)).toEqual(NAMES);
    const readme = readFileSync('README.md', 'utf8');
    for (const command of Object.values(COMMANDS))
      expect(readme).toContain(`| \`${usageLine(command.spec)}\` |`);
  });
});

describe('threadline --version', () => {
  it("prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(await main(['--version'])).toBe(0);
    expect(out).toEqual([version]);
  });
});

describe('argument errors', () => {
  it.each(NAMES)('%s names an unknown option and exits 2', async (name) => {
    expect(await main([name, 'flows/examples/welcome.flow.json', '--jsn'])).toBe(2);
    const [first, second] = err.join('\n').split('\n');
    expect(first).toBe(`threadline ${name}: unknown option --jsn`);
    expect(second).toMatch(new RegExp(`^Usage: threadline ${name}\\b`));
  });

  it('names a missing operand, an option without its value and a missing required option', async () => {
    expect(await main(['compile'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline compile: missing FLOW: the flow file to compile/);
    expect(await main(['test', '--coverage'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline test: missing PATH/);
    expect(await main(['compile', 'flows/examples/shop.flow.json', '--out'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline compile: --out needs a value: --out OUT/);
    expect(await main(['compile', 'flows/examples/shop.flow.json', '-o', '--json'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline compile: -o needs a value/);
    expect(await main(['publish', 'flows/examples/shop.flow.json'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline publish: missing --to URL/);
    expect(await main(['lint', '--json=yes', 'flows/examples/shop.flow.json'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline lint: --json takes no value/);
    expect(await main(['lint', '--constructor', 'flows/examples/shop.flow.json'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline lint: unknown option --constructor/);
    expect(await main(['compile', 'a.flow.json', 'b.flow.json'])).toBe(2);
    expect(err.at(-1)).toMatch(
      /^threadline compile: takes one FLOW, got 2: a.flow.json b.flow.json/,
    );
    expect(await main(['runtime', 'now'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline runtime: takes no argument, got now/);
    expect(await main(['sandbox', '--port', 'eighty'])).toBe(2);
    expect(err.at(-1)).toMatch(/^threadline sandbox: --port needs a port number/);
  });
});

describe('compile --out', () => {
  it.each([['--out=FILE'], ['--out', 'FILE'], ['-o', 'FILE'], ['-oFILE']])(
    'writes the compiled flow with %s',
    async (...form) => {
      const target = join(mkdtempSync(join(tmpdir(), 'threadline-out-')), 'shop.compiled.json');
      const args = form.map((a) => a.replace('FILE', target));
      expect(await main(['compile', 'flows/examples/shop.flow.json', ...args])).toBe(0);
      expect(JSON.parse(readFileSync(target, 'utf8')).flowId).toBe('shop');
      expect(err.at(-1)).toMatch(/compiled to .*shop\.compiled\.json \(revision [0-9a-f]{12}\)$/);
    },
  );
});

describe('bin/threadline.mjs', () => {
  it('exits with the command code and prints errors on stderr', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/threadline.mjs', ...args], { encoding: 'utf8' });
    const unknown = run('lint', '--jsn', 'flows/examples/welcome.flow.json');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('threadline lint: unknown option --jsn');
    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
