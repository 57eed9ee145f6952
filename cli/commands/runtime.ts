// `threadline runtime` (docs/format.md §5, §6): starts the runtime from the environment. A missing secret
// stops start-up with a message naming it; SIGINT or SIGTERM stops it cleanly. The runtime itself
// is imported only here, when it starts, so the other commands never load it.
import { defineCommand, parseCommandArgs } from '../args';
import { cliMessages } from '../i18n';

export const spec = defineCommand({
  name: 'runtime',
  summary: 'start the runtime server',
  options: {},
  notes: [
    'Configured by the environment: THREADLINE_PAGE_ID, THREADLINE_PAGE_TOKEN,\n' +
      'THREADLINE_APP_SECRET, THREADLINE_VERIFY_TOKEN and THREADLINE_ADMIN_TOKEN are required;\n' +
      'THREADLINE_DB (a SQLite file, default threadline.db, or a postgres:// URL), PORT and the\n' +
      'other settings in docs/runtime.md are optional. A missing setting stops start-up, named.',
  ],
});

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  // Listen for the signals first: a stop that arrives during start-up must still be clean.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const { configFromEnv } = await import('../../runtime/config');
  const loaded = configFromEnv(process.env);
  const { text } = cliMessages();
  if (!loaded.ok) {
    // A missing setting in the user's language; an invalid one in the runtime's own words (they
    // name the setting and what it must be, as the runtime logs them).
    for (const error of loaded.errors)
      console.error(
        `threadline runtime: ${
          error.code === 'missing-setting'
            ? text('settingMissing', { name: error.place })
            : error.message
        }`,
      );
    return 1;
  }
  const { startRuntimeFromConfig } = await import('../../runtime/index');
  let runtime;
  try {
    runtime = await startRuntimeFromConfig(loaded.config);
  } catch (error) {
    console.error(
      `threadline runtime: ${text('runtimeCannotStart', { reason: (error as Error).message })}`,
    );
    return 1;
  }
  console.error(`threadline runtime: ${text('runtimeListening', { port: runtime.port })}`);
  await stopped;
  await runtime.stop();
  return 0;
}
