// Send API calls on a worker thread. Each reply is one HTTPS call; building it, writing it to the
// socket and reading the answer took about a sixth of the runtime's main thread under load, the
// same thread that acknowledges webhooks. The thread only makes the HTTP call: the store, the
// pacing and the slots stay on the main thread, so every accepted event and every outbox row is
// still kept and marked there, and a call lost with the thread is a network error (a retry),
// as a timeout is. The answer comes back raw (status, body text, usage headers); graph.ts reads it
// as it reads its own calls. If the thread dies, calls run on the main thread again. Calls and
// answers cross between the threads in batches, one message a turn of the event loop each way:
// a message per call cost the main thread about as much as making the call itself.
import { Worker } from 'node:worker_threads';

/** The usage headers graph.ts reads (send/usage.ts). */
const USAGE_HEADERS = ['x-business-use-case-usage', 'x-app-usage'];

// Plain CommonJS evaluated in the thread: it needs no TypeScript loader. It mirrors graph.ts's
// request (keep-alive agent, JSON body, timeout); runtime/send/graph-thread.test.ts holds both to
// the same answers.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const base = new URL(workerData.graphUrl);
const secure = base.protocol === 'https:';
const transport = require(secure ? 'node:https' : 'node:http');
const agent = new transport.Agent({ keepAlive: true, maxSockets: 256 });
const first = (v) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));
let answers = [];
const flush = () => {
  const batch = answers;
  answers = [];
  parentPort.postMessage(batch);
};
parentPort.on('message', (calls) => {
  for (const m of calls) call(m);
});
function call(m) {
  let done = false;
  const answer = (a) => {
    if (done) return;
    done = true;
    if (answers.push({ id: m.id, ...a }) === 1) setImmediate(flush);
  };
  const raw = m.raw;
  const req = transport.request(
    {
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port || (secure ? 443 : 80),
      path: m.path,
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw) },
      timeout: m.timeoutMs,
    },
    (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', () => answer({ network: 'response-aborted' }));
      res.on('end', () => {
        const headers = {};
        for (const name of workerData.usageHeaders) headers[name] = first(res.headers[name]);
        answer({ status: res.statusCode || 0, text: Buffer.concat(chunks).toString('utf8'), headers });
      });
    },
  );
  req.on('timeout', () => req.destroy(new Error('TimeoutError')));
  req.on('error', (error) =>
    answer({ network: error.message === 'TimeoutError' ? 'TimeoutError' : 'network-error' }),
  );
  req.end(raw);
}
`;

export type ThreadAnswer =
  { status: number; text: string; headers: Record<string, string | null> } | { network: string };

export interface GraphThread {
  /** False once the thread died: the caller makes its calls itself again. */
  alive(): boolean;
  /** POSTs `body` as JSON to `path` (with its query) on the Graph API's host. */
  post(path: string, body: unknown, timeoutMs: number): Promise<ThreadAnswer>;
  close(): void;
}

export function startGraphThread(options: { graphUrl: string }): GraphThread {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { graphUrl: options.graphUrl, usageHeaders: USAGE_HEADERS },
  });
  // Pending calls keep no process alive by themselves; the runtime's server does.
  worker.unref();
  const pending = new Map<number, (answer: ThreadAnswer) => void>();
  let next = 0;
  let alive = true;
  worker.on('message', (answers: (ThreadAnswer & { id: number })[]) => {
    for (const m of answers) {
      const resolve = pending.get(m.id);
      pending.delete(m.id);
      resolve?.(m);
    }
  });
  // Bodies cross as JSON text: cloning the objects cost several times more than stringifying.
  let calls: { id: number; path: string; raw: string; timeoutMs: number }[] = [];
  const send = () => {
    const batch = calls;
    calls = [];
    if (alive) worker.postMessage(batch);
    else for (const c of batch) pending.get(c.id)?.({ network: 'send-thread-exited' });
  };
  const gone = () => {
    alive = false;
    // The calls in flight may or may not have reached the Graph API: as after a timeout, they
    // are retried (send/deliver.ts).
    for (const resolve of pending.values()) resolve({ network: 'send-thread-exited' });
    pending.clear();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  return {
    alive: () => alive,
    post: (path, body, timeoutMs) =>
      new Promise<ThreadAnswer>((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        const raw = body === undefined ? '' : JSON.stringify(body);
        if (calls.push({ id, path, raw, timeoutMs }) === 1) setImmediate(send);
      }),
    close: () => void worker.terminate(),
  };
}
