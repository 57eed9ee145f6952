// Every --help text speaks German: each command's summary, operand, options and notes have
// German words in cli/help-de.ts (and nothing there is left over), and the help prints them
// under a German locale while usage lines and option names stay as they are.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { helpText } from './args';
import { HELP_DE } from './help-de';
import { COMMANDS, usage } from './main';

/** Every text of every spec, by the key its German has in HELP_DE. */
function englishTexts(): Map<string, string> {
  const texts = new Map<string, string>([
    ['help', 'print this help and exit'],
    ['usage', 'Usage:'],
    ['default', 'default'],
    ['commandHelp', 'what a command takes and does'],
    ['version', 'the version of threadline'],
  ]);
  for (const { spec } of Object.values(COMMANDS)) {
    texts.set(`${spec.name}.summary`, spec.summary);
    if (spec.operand) texts.set(`${spec.name}.operand`, spec.operand.help);
    for (const [name, option] of Object.entries(spec.options))
      texts.set(`${spec.name}.${name}`, option.help);
    (spec.notes ?? []).forEach((note, i) => texts.set(`${spec.name}.note${i + 1}`, note));
  }
  return texts;
}

beforeEach(() => {
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'C.UTF-8');
});
afterEach(() => vi.unstubAllEnvs());

describe('the --help texts', () => {
  it('have German for every summary, operand, option and note, and for nothing else', () => {
    const english = englishTexts();
    expect(Object.keys(HELP_DE).sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      const german = HELP_DE[key]!;
      expect(german.trim(), key).not.toBe('');
      expect(german, key).not.toBe(text);
    }
  });

  it('print German under LANG=de_DE.UTF-8, with usage and option names as they are', () => {
    const spec = COMMANDS['compile']!.spec;
    const english = helpText(spec);
    expect(english).toContain('write the compiled flow to OUT (replaced whole) instead of stdout');
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const german = helpText(spec);
    expect(german.split('\n')[0]).toBe('Aufruf: threadline compile FLOW [-o OUT]');
    expect(german).toContain('Den kompilierten Flow schreiben.');
    expect(german).toMatch(/-o, --out OUT +den kompilierten Flow nach OUT/);
    expect(german).toMatch(/-h, --help +diese Hilfe ausgeben und beenden/);
    expect(german).not.toContain('instead of stdout');
    expect(helpText(COMMANDS['sandbox']!.spec)).toMatch(
      /--port N +der Port, auf dem gelauscht wird \(Standard 8090\)/,
    );
  });

  it('list the commands in German in `threadline --help`', () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const text = usage();
    expect(text).toContain('Aufruf: threadline <command> [options]');
    expect(text).toContain('Flows gegen die Grenzen von Messenger prüfen');
    expect(text).toContain('die Version von threadline');
    expect(text).not.toContain('check flows against Messenger limits');
  });
});
