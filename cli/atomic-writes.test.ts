// Every file the CLI writes is replaced whole (the project's one atomic write: temporary file,
// fsync, rename), never rewritten in place. A hard link to the old target tells the two apart:
// a rename leaves the link on the old content, an in-place write changes it too.
import { linkSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as chat } from './commands/chat';
import { run as compile } from './commands/compile';
import { run as test } from './commands/test';

let dir: string;
let target: string;
let alias: string;

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  dir = mkdtempSync(join(tmpdir(), 'threadline-atomic-'));
  target = join(dir, 'target.json');
  alias = join(dir, 'alias.json');
  writeFileSync(target, 'old content\n');
  linkSync(target, alias);
});
afterEach(() => vi.restoreAllMocks());

function expectReplacedWhole(check: (text: string) => void) {
  const text = readFileSync(target, 'utf8');
  check(text);
  expect(readFileSync(alias, 'utf8')).toBe('old content\n');
  expect(statSync(target).ino).not.toBe(statSync(alias).ino);
  // No temporary file is left beside the target.
  expect(readdirSync(dir).sort()).toEqual(['alias.json', 'target.json']);
}

describe('files the CLI writes are replaced atomically', () => {
  it('compile --out', async () => {
    expect(await compile(['flows/examples/shop.flow.json', `--out=${target}`])).toBe(0);
    expectReplacedWhole((text) => expect(JSON.parse(text).flowId).toBe('shop'));
  });

  it('test --coverage-json', async () => {
    const scenario = resolve('flows/examples/welcome.menu.scenario.json');
    expect(await test([scenario, '--coverage-json', target])).toBe(0);
    expectReplacedWhole((text) => expect(Object.keys(JSON.parse(text).flows)).toEqual(['welcome']));
  });

  it('chat --record', async () => {
    const input = new PassThrough();
    input.end('1\n/quit\n');
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(input as unknown as typeof process.stdin);
    const flow = resolve('flows/examples/welcome.flow.json');
    expect(await chat([flow, '--record', target])).toBe(0);
    expectReplacedWhole((text) => expect(JSON.parse(text).format).toBe('threadline.scenario'));
  });
});

describe('the CLI has no other way to write files', () => {
  it('no command imports a writing function from node:fs', async () => {
    const folders = ['cli', 'cli/commands'];
    const offenders: string[] = [];
    for (const folder of folders) {
      for (const name of await readdir(folder)) {
        if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
        const source = await readFile(join(folder, name), 'utf8');
        if (
          /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream)\b/.test(source)
        )
          offenders.push(`${folder}/${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
