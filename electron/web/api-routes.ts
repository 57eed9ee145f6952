// Browser mode's HTTP side of the host API: `POST /api/<channel>` with the JSON array of arguments,
// answered with the same { ok, value | error } result that IPC carries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatchHostCall, type ChannelHandlers } from '../host-dispatch';

const MAX_BODY_BYTES = 60 * 1024 * 1024;

export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: Partial<ChannelHandlers>,
): Promise<void> {
  const channel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(5));
  if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
  // Demanding JSON makes any cross-origin call a preflighted one, which we never approve.
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return send(res, 415, { error: 'send application/json' });
  }
  let args: unknown;
  try {
    args = JSON.parse(await readBody(req));
  } catch (error) {
    const tooLarge = error instanceof Error && error.message === 'too-large';
    return send(res, tooLarge ? 413 : 400, { error: tooLarge ? 'body too large' : 'bad JSON' });
  }
  send(res, 200, await dispatchHostCall(handlers, channel, args));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
