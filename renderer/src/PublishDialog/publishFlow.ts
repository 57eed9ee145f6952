// Lint, compile and upload the current document to the connected runtime. Errors come back as
// lines to show, never as exceptions.
import type { HostApi } from '../../../electron/host-api';
import { compileFlow } from '../../../flows';
import { toFlowDocument, type DesignerDocument } from '../store/designerDocument';

export type PublishOutcome = { ok: true; revision: string } | { ok: false; lines: string[] };

export async function publishFlow(host: HostApi, doc: DesignerDocument): Promise<PublishOutcome> {
  const result = compileFlow(toFlowDocument(doc));
  if (!result.ok) {
    return {
      ok: false,
      lines: result.findings.map((f) => `${f.nodeId ? `${f.nodeId}: ` : ''}${f.message}`),
    };
  }
  try {
    const answer = await host.runtime.publish(result.compiled.flowId, result.json);
    if (answer.ok) return { ok: true, revision: result.compiled.revision };
    return {
      ok: false,
      lines: [`The runtime answered ${answer.status}: ${JSON.stringify(answer.body)}`],
    };
  } catch (error) {
    return { ok: false, lines: [error instanceof Error ? error.message : String(error)] };
  }
}
