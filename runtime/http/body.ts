// Reads a request body as raw bytes up to a size limit, and parses JSON bodies with a nesting
// limit. Past the size limit reading stops at once: the caller answers 413 and the server closes
// the connection (server.ts) instead of reading an attacker's upload to its end.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; code: 'too-large' | 'aborted' };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish({ ok: false, code: 'too-large' });
      chunks.push(chunk);
    };
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return finish({ ok: false, code: 'too-large' });
    req.on('data', onData);
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ ok: false, code: 'aborted' }));
    req.on('close', () => finish({ ok: false, code: 'aborted' }));
  });
}

/** Deeper than any Messenger event or compiled flow; deep enough nesting overflows the stack. */
export const MAX_JSON_DEPTH = 64;

export type JsonResult =
  | { ok: true; value: unknown }
  | { ok: false; code: 'malformed-json' | 'too-deep'; message: string };

/** JSON.parse, after checking on the raw text that arrays and objects nest at most `maxDepth` deep. */
export function parseJsonBody(body: Buffer, maxDepth = MAX_JSON_DEPTH): JsonResult {
  return parseJsonText(body.toString('utf8'), maxDepth);
}

export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  const depth = nestingBeyond(text, maxDepth);
  if (depth !== undefined)
    return {
      ok: false,
      code: 'too-deep',
      message: `the JSON nests arrays and objects more than ${maxDepth} deep (at offset ${depth})`,
    };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      code: 'malformed-json',
      message: `the body is not JSON${error instanceof Error ? ` (${error.message})` : ''}`,
    };
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** The offset where nesting first goes past `max`, or undefined. Brackets in strings do not count. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (OPENERS.has(code)) {
      if (++depth > max) return i;
    } else if (CLOSERS.has(code)) depth--;
  }
  return undefined;
}
