// Runs `threadline runtime` as a child process, so tests can kill it like a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SECRETS } from './stack';

const BIN = fileURLToPath(new URL('../../bin/threadline.mjs', import.meta.url));

export interface ChildRuntime {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no clean-up of any kind, like a crash or an OOM kill. */
  kill(): Promise<void>;
}

export function spawnRuntime(
  graphUrl: string,
  db: string,
  env: Record<string, string> = {},
): Promise<ChildRuntime> {
  const child = spawn(process.execPath, [BIN, 'runtime'], {
    env: {
      PATH: process.env.PATH,
      THREADLINE_PAGE_ID: SECRETS.pageId,
      THREADLINE_PAGE_TOKEN: SECRETS.pageToken,
      THREADLINE_APP_SECRET: SECRETS.appSecret,
      THREADLINE_VERIFY_TOKEN: SECRETS.verifyToken,
      THREADLINE_ADMIN_TOKEN: SECRETS.adminToken,
      THREADLINE_DB: db,
      THREADLINE_GRAPH_URL: graphUrl,
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`runtime did not start: ${buffered}`)), 15_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /"event":"runtime.started","port":(\d+)/.exec(buffered);
      if (!match) return;
      clearTimeout(timer);
      buffered = '';
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        process: child,
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited with ${code}: ${buffered}`));
    });
  });
}
