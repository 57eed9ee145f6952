// The canonical form of a compiled flow. Parsing through the zod schema rebuilds every object in
// the schema's key order, whatever order the input had; `revision` is the SHA-256 of the compact
// JSON of that form without `revision`. The runtime can recompute it with compiledRevision().
import { sha256Hex } from '../hash';
import { CompiledFlow } from '../schema';

const PLACEHOLDER_REVISION = '0'.repeat(64);

/** Puts the flow in canonical key order and stamps its revision. */
export function canonicalize(flow: Omit<CompiledFlow, 'revision'>): CompiledFlow {
  const canonical = CompiledFlow.parse({ ...flow, revision: PLACEHOLDER_REVISION });
  canonical.revision = compiledRevision(canonical);
  return canonical;
}

/** The revision of a compiled flow in canonical key order (as CompiledFlow.parse returns it). */
export function compiledRevision(flow: CompiledFlow): string {
  const { revision: _revision, ...content } = flow;
  return sha256Hex(JSON.stringify(content));
}

/** The file text: 2-space indent and a newline at the end, like flow documents. */
export function compiledJson(flow: CompiledFlow): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}
