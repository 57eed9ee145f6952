// The `threadline` command (docs/format.md §5). Each command lives in cli/commands/<name>.ts and exports
// its `spec` (operand and options, declared once: see ./args.ts) and `run(args)`, which returns
// the exit code. Commands import heavy parts (the runtime, the sandbox) only when they run.
import { readFileSync } from 'node:fs';
import { summaryText, usageLine, type CommandSpec } from './args';
import { applyZodLanguage, cliMessages, helpWords } from './i18n';
import * as broadcast from './commands/broadcast';
import * as chat from './commands/chat';
import * as compile from './commands/compile';
import * as lint from './commands/lint';
import * as publish from './commands/publish';
import * as revisions from './commands/revisions';
import * as rollback from './commands/rollback';
import * as runtime from './commands/runtime';
import * as sandbox from './commands/sandbox';
import * as subscribers from './commands/subscribers';
import * as test from './commands/test';

interface Command {
  spec: CommandSpec;
  run: (args: string[]) => Promise<number>;
}

export const COMMANDS: Record<string, Command> = Object.fromEntries(
  [
    lint,
    compile,
    chat,
    test,
    runtime,
    sandbox,
    publish,
    revisions,
    rollback,
    subscribers,
    broadcast,
  ].map((c) => [c.spec.name, c]),
);

/** The version in package.json. */
export function version(): string {
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export function usage(): string {
  const say = helpWords();
  const lines = Object.values(COMMANDS).map((c) => [usageLine(c.spec), summaryText(c.spec)]);
  const width = Math.max(...lines.map(([left]) => left!.length));
  return [
    `${say('usage', 'Usage:')} threadline <command> [options]`,
    '',
    ...lines.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`),
    '',
    `  threadline <command> --help   ${say('commandHelp', 'what a command takes and does')}`,
    `  threadline --version          ${say('version', 'the version of threadline')}`,
  ].join('\n');
}

function command(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function unknown(name: string): Command {
  return {
    spec: { name, summary: '', options: {} },
    run: async () => {
      console.error(`threadline: ${cliMessages().text('unknownCommand', { name })}\n\n${usage()}`);
      return 2;
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  applyZodLanguage();
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    console.log(version());
    return 0;
  }
  if (name === 'help') {
    // `threadline help lint` is `threadline lint --help`.
    if (args[0] === undefined) {
      console.log(usage());
      return 0;
    }
    return (command(args[0]) ?? unknown(args[0])).run(['--help']);
  }
  return (command(name) ?? unknown(name)).run(args);
}
