// Publishing over real HTTP never activates a broken compiled flow: each of eight hand-made flows
// passes the JSON Schema and carries the right revision, and each is refused with 400 and reasons
// that name the step and field, while the active flow stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenCompiledFlows, cleanCompiled } from '../../flows/testing';
import { startStack, type Stack } from '../testing/stack';

let stack: Stack;
let activeRevision: string;
beforeAll(async () => {
  stack = await startStack();
  const clean = cleanCompiled();
  const res = await stack.publish(clean);
  expect(res.status).toBe(200);
  activeRevision = clean.revision;
});
afterAll(() => stack.stop());

describe('PUT /api/flows/:flowId with a broken compiled flow', () => {
  for (const { name, expect: wanted, flow } of brokenCompiledFlows())
    it(`refuses ${name} with 400 and keeps the active revision`, async () => {
      const res = await stack.publish(flow);
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: string;
        problems: { code: string; step?: string; field?: string; place: string; message: string }[];
      };
      expect(body.error).toBe('invalid-flow');
      const problem = body.problems.find((p) => p.code === wanted.code);
      expect(problem).toMatchObject({
        field: wanted.field,
        ...(wanted.nodeId !== undefined ? { step: wanted.nodeId } : {}),
      });
      if (wanted.nodeId !== undefined) {
        expect(problem!.message).toContain(`"${wanted.nodeId}"`);
        expect(problem!.place).toMatch(/^\$\.steps\[\d+\]\./);
      }
      expect(problem!.message).toContain(wanted.field);

      const active = await stack.admin(`/api/flows/${flow.flowId}`);
      expect(((await active.json()) as { revision: string }).revision).toBe(activeRevision);
      const revisions = await stack.admin(`/api/flows/${flow.flowId}/revisions`);
      const listed = (await revisions.json()) as { revisions: { revision: string }[] };
      expect(listed.revisions.map((r) => r.revision)).not.toContain(flow.revision);
    });
});
