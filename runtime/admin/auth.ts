// Bearer-token check for the admin routes (docs/format.md §6), compared in constant time.
import type { IncomingMessage } from 'node:http';
import { secretsEqual } from '../http/signature';

export function isAuthorized(req: IncomingMessage, adminToken: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  // Compare even when the header is missing, so timing does not tell the two cases apart.
  return secretsEqual(match?.[1] ?? '', adminToken) && match !== null;
}
