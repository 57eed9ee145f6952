// WAL checkpoints off the event loop. A checkpoint copies the WAL into the database file and
// fsyncs both, which can take tens of milliseconds on a busy disk; run on the runtime's own
// thread it stalls every webhook acknowledgement behind it. In WAL mode another connection can
// checkpoint while this one keeps writing, so a worker thread with its own connection does it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// Plain CommonJS evaluated in the thread: it needs no TypeScript loader.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, intervalMs: number): Checkpointer {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs },
  });
  worker.unref();
  // A thread that fails only means checkpoints wait for the next start or the close.
  worker.on('error', () => undefined);
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        const done = () => void worker.terminate().then(() => resolve());
        worker.once('message', done);
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
        setTimeout(done, 2000).unref();
      })),
  };
}
