// X-Hub-Signature-256 (docs/messenger.md §1.2): HMAC-SHA256 of the raw body bytes with the app secret,
// compared in constant time. Never re-serialise the JSON: Meta signs the bytes on the wire.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(body: Buffer | string, appSecret: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(body).digest('hex');
}

const HEADER = /^sha256=([a-f0-9]{64})$/i;

export function verifySignature(
  body: Buffer,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (!header) return false;
  const match = HEADER.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(body).digest();
  const given = Buffer.from(match[1]!.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Constant-time comparison of two secrets of any length (bearer and verify tokens). */
export function secretsEqual(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time does not reveal the length either.
  const a = createHmac('sha256', 'threadline').update(given).digest();
  const b = createHmac('sha256', 'threadline').update(expected).digest();
  return timingSafeEqual(a, b);
}
