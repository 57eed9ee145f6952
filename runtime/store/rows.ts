// Shared row decoding for both stores.
import { CompiledFlow } from '../../flows/schema';

/** Stored revisions were validated on publish; parsing again guards against a hand-edited DB. */
export function parseFlowBody(body: string): CompiledFlow {
  return CompiledFlow.parse(JSON.parse(body));
}
