// `npm run web [-- --port N] [FILE.flow.json]`: browser mode.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebHost } from './host';
import { openBrowser, shouldOpenBrowser } from './open-browser';

function userDataDir(): string {
  if (process.env.THREADLINE_USER_DATA) return process.env.THREADLINE_USER_DATA;
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'threadline-web');
}

async function main(): Promise<number> {
  let values: { port?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { port: { type: 'string' } },
      allowPositionals: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run web -- [--port N] [FILE.flow.json]`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  const host = await startWebHost({
    port,
    userDataDir: userDataDir(),
    initialPath: positionals[0],
  });
  console.log(`Threadline (browser mode): ${host.url}`);
  if (shouldOpenBrowser(process.env)) openBrowser(host.url);
  const stop = () => {
    host.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`Browser mode could not start: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
