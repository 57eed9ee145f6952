// The `threadline` command (FORMAT §5). Each command lives in cli/commands/<name>.ts and exports
// `run(args): Promise<number>` (the exit code); they load lazily so `lint` never pays for the runtime.
const COMMANDS: Record<
  string,
  { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }
> = {
  lint: {
    summary: 'lint FLOW... [--json]          check flows against Messenger limits',
    load: () => import('./commands/lint'),
  },
  compile: {
    summary: 'compile FLOW [-o OUT]          write the compiled flow',
    load: () => import('./commands/compile'),
  },
  chat: {
    summary: 'chat FLOW                      chat with a flow in the terminal',
    load: () => import('./commands/chat'),
  },
  test: {
    summary: 'test PATH... [--coverage]      replay scenario files',
    load: () => import('./commands/test'),
  },
  runtime: {
    summary: 'runtime                        start the runtime server',
    load: () => import('./commands/runtime'),
  },
  sandbox: {
    summary: 'sandbox                        start the local Messenger sandbox',
    load: () => import('./commands/sandbox'),
  },
  publish: {
    summary: 'publish FLOW --to URL [--token T]  lint, compile and publish',
    load: () => import('./commands/publish'),
  },
};

export function usage(): string {
  return [
    'Usage: threadline <command>',
    '',
    ...Object.values(COMMANDS).map((c) => `  threadline ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`threadline: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(args);
}
