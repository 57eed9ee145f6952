// `threadline runtime` (FORMAT §5, §6): starts the runtime from the environment. A missing secret
// stops start-up with a message naming it; SIGINT or SIGTERM stops it cleanly.
import { configFromEnv } from '../../runtime/config';
import { startRuntimeFromConfig } from '../../runtime/index';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    console.log(
      'Usage: threadline runtime\n\nConfigured by THREADLINE_PAGE_ID, THREADLINE_PAGE_TOKEN, THREADLINE_APP_SECRET,\n' +
        'THREADLINE_VERIFY_TOKEN, THREADLINE_ADMIN_TOKEN, THREADLINE_DB, THREADLINE_GRAPH_URL and PORT.',
    );
    return 0;
  }
  const loaded = configFromEnv(process.env);
  if (!loaded.ok) {
    for (const error of loaded.errors) console.error(`threadline runtime: ${error.message}`);
    return 1;
  }
  // Listen for the signals first: a stop that arrives during start-up must still be clean.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  let runtime;
  try {
    runtime = await startRuntimeFromConfig(loaded.config);
  } catch (error) {
    console.error(`threadline runtime: cannot start: ${(error as Error).message}`);
    return 1;
  }
  console.error(`threadline runtime: listening on port ${runtime.port}`);
  await stopped;
  await runtime.stop();
  return 0;
}
