import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../electron/host-api';
import { CompiledFlow, FlowDocument } from '../../../flows';
import welcome from '../../../flows/examples/welcome.flow.json';
import { fromFlowDocument } from '../store/designerDocument';
import { replaceNode } from '../store/operations/nodes';
import { publishFlow } from './publishFlow';

function fakeHost(answer: { ok: boolean; status: number; body: unknown }) {
  const calls: { flowId: string; json: string }[] = [];
  const host = {
    runtime: {
      publish: async (flowId: string, json: string) => {
        calls.push({ flowId, json });
        return answer;
      },
    },
  } as unknown as HostApi;
  return { host, calls };
}

const doc = fromFlowDocument(FlowDocument.parse(welcome));

describe('publishing from the designer', () => {
  it('uploads the compiled flow and reports its revision', async () => {
    const { host, calls } = fakeHost({ ok: true, status: 200, body: {} });
    const outcome = await publishFlow(host, doc);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.flowId).toBe('welcome');
    const compiled = CompiledFlow.parse(JSON.parse(calls[0]!.json));
    expect(outcome).toEqual({ ok: true, revision: compiled.revision });
  });

  it('uploads nothing while the flow has lint errors, and lists them', async () => {
    const { host, calls } = fakeHost({ ok: true, status: 200, body: {} });
    const hours = doc.nodes['n-hours'];
    if (hours?.type !== 'message') throw new Error('expected a message');
    const broken = replaceNode(doc, { ...hours, data: { blocks: [{ type: 'text', text: '' }] } });
    const outcome = await publishFlow(host, broken);
    expect(calls).toHaveLength(0);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.lines.join('\n')).toContain('n-hours');
  });

  it('shows what the runtime answered when it refuses', async () => {
    const { host } = fakeHost({ ok: false, status: 401, body: { error: 'bad token' } });
    const outcome = await publishFlow(host, doc);
    expect(outcome).toEqual({
      ok: false,
      lines: ['The runtime answered 401: {"error":"bad token"}'],
    });
  });
});
