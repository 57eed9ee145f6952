import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument, lintFlow } from '../../../flows';
import { fromFlowDocument } from '../store/designerDocument';
import { toProblems } from '../store/toProblems';
import { declareVariable, fixFor } from './fixes';

function withQuestion(variable: string, kind: 'email' | 'number') {
  const doc = FlowDocument.parse(welcome);
  doc.nodes.push({
    id: 'n-ask',
    type: 'input',
    position: { x: 0, y: 0 },
    data: { prompt: 'Hi {{city}}?', kind, variable },
  });
  return doc;
}

describe('problem fixes', () => {
  it('declares an undeclared variable with the type its question implies, once', () => {
    const flow = withQuestion('mail', 'email');
    const doc = fromFlowDocument(flow);
    const problems = toProblems(lintFlow(flow)).filter((p) => p.code === 'unknown-variable');
    const fixes = problems.map((p) => fixFor(p, doc));
    expect(fixes).toContainEqual(
      expect.objectContaining({ kind: 'declare', name: 'mail', type: 'email' }),
    );
    expect(fixes).toContainEqual(
      expect.objectContaining({ kind: 'declare', name: 'city', type: 'text' }),
    );
    const fixed = declareVariable(doc, 'mail', 'email');
    expect(fixed.meta.variables.at(-1)).toEqual({ name: 'mail', type: 'email' });
    expect(declareVariable(fixed, 'mail', 'email')).toBe(fixed);
    const relinted = lintFlow({ ...flow, variables: fixed.meta.variables });
    expect(relinted.some((f) => f.code === 'unknown-variable' && f.message.includes('mail'))).toBe(
      false,
    );
  });

  it('offers to open the field of a text that is too long', () => {
    const flow = FlowDocument.parse(welcome);
    const menu = flow.nodes.find((n) => n.id === 'n-menu')!;
    if (menu.type === 'message') menu.data.quickReplies![0]!.title = 'x'.repeat(40);
    const problem = toProblems(lintFlow(flow)).find(
      (p) => p.code === 'quick-reply-title-too-long',
    )!;
    expect(fixFor(problem, fromFlowDocument(flow))).toMatchObject({ kind: 'openField' });
  });
});
