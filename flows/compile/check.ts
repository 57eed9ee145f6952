// checkCompiledFlow: whether a compiled flow is one the engine can run. The JSON Schema and the
// revision hash say nothing about the graph: a hand-made or tampered flow can point an output
// at a step that does not exist, repeat ids, start nowhere, or loop forever. The runtime runs
// this on every publish, and compileFlow on its own output. The flow is turned back into a
// document and linted with the designer's rules, plus what only a compiled flow can get wrong
// (its entry table); findings name the step and the field in the compiled flow.
import { lintFlow, type LintFinding } from '../lint';
import { lintText, renderLintText, type LintVariant } from '../lint/text';
import type { CompiledFlow, Edge, Entries, FlowDocument, FlowNode } from '../schema';
import { buildEntries } from './entries';

/** The errors that stop a compiled flow from running (warnings are the designer's business). */
export function checkCompiledFlow(flow: CompiledFlow): LintFinding[] {
  const { doc, outputOf } = decompile(flow);
  const findings = lintFlow(doc)
    .filter((f) => f.severity === 'error')
    .map((f) => inCompiledTerms(f, outputOf));
  return [...checkEntries(flow, doc), ...findings];
}

function decompile(flow: CompiledFlow): {
  doc: FlowDocument;
  outputOf: Map<string, { step: string; handle: string }>;
} {
  const at = { x: 0, y: 0 };
  const edges: Edge[] = [];
  const outputOf = new Map<string, { step: string; handle: string }>();
  for (const step of flow.steps)
    for (const [handle, target] of Object.entries(step.outputs)) {
      const id = `${step.id}→${handle}`;
      outputOf.set(id, { step: step.id, handle });
      edges.push({ id, source: step.id, sourceHandle: handle, target });
    }
  const doc: FlowDocument = {
    format: 'threadline.flow',
    version: 1,
    id: flow.flowId,
    name: flow.name,
    variables: flow.variables,
    ...(flow.disclosure !== undefined ? { disclosure: flow.disclosure } : {}),
    ...(flow.defaultLocale !== undefined ? { defaultLocale: flow.defaultLocale } : {}),
    ...(flow.profile !== undefined ? { profile: flow.profile } : {}),
    nodes: flow.steps.map(({ id, type, data }) => ({ id, type, position: at, data }) as FlowNode),
    edges,
  };
  return { doc, outputOf };
}

/** An output is a connection in the document; in the compiled flow it is `outputs.<handle>`. */
function inCompiledTerms(
  finding: LintFinding,
  outputOf: Map<string, { step: string; handle: string }>,
): LintFinding {
  const { edgeId, handle: _handle, ...rest } = finding;
  const output = edgeId === undefined ? undefined : outputOf.get(edgeId);
  if (output) return { ...rest, nodeId: output.step, field: `outputs.${output.handle}` };
  if (rest.field !== undefined) return rest;
  // Flow-wide findings are about where the flow starts; a loop is made of the steps' outputs.
  if (rest.nodeId === undefined) return { ...rest, field: 'entries' };
  return { ...rest, field: finding.code === 'loop-without-wait' ? 'outputs' : 'id' };
}

/** The entry table must be the one the flow's triggers give, so every start point is a trigger. */
function checkEntries(flow: CompiledFlow, doc: FlowDocument): LintFinding[] {
  const expected = buildEntries(doc);
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  const findings: LintFinding[] = [];
  const report = (
    field: string,
    variant: LintVariant<'compiled-entry-invalid'>,
    params: Record<string, string> = {},
  ) => {
    const text = lintText(`compiled-entry-invalid.${variant}`, { field, ...params });
    const message = renderLintText(text, 'en');
    findings.push({ code: 'compiled-entry-invalid', severity: 'error', field, message, text });
  };
  const target = (field: string, id: string | undefined) => {
    if (id === undefined) return false;
    const step = steps.get(id);
    if (!step) report(field, 'missingStep', { id });
    else if (step.type !== 'trigger') report(field, 'notTrigger', { id, type: step.type });
    return step?.type === 'trigger';
  };
  const single = (key: 'getStarted' | 'default') => {
    const field = `entries.${key}`;
    if (target(field, flow.entries[key]) && flow.entries[key] !== expected[key])
      report(field, expected[key] === undefined ? 'shouldBeUnset' : 'differs', {
        actual: flow.entries[key] ?? '',
        expected: expected[key] ?? '',
      });
    else if (flow.entries[key] === undefined && expected[key] !== undefined)
      report(field, 'missing', { expected: expected[key] });
  };
  single('getStarted');
  single('default');
  flow.entries.keywords.forEach((k, i) => target(`entries.keywords[${i}].target`, k.target));
  flow.entries.refs.forEach((r, i) => target(`entries.refs[${i}].target`, r.target));
  (flow.entries.comments ?? []).forEach((c, i) =>
    target(`entries.comments[${i}].target`, c.target),
  );
  if (findings.length === 0) {
    const keywords = (list: Entries['keywords']) =>
      JSON.stringify(list.map((k) => [k.target, k.match, k.keywords]));
    const refs = (list: Entries['refs']) => JSON.stringify(list.map((r) => [r.target, r.ref]));
    if (keywords(flow.entries.keywords) !== keywords(expected.keywords))
      report('entries.keywords', 'keywords');
    if (refs(flow.entries.refs) !== refs(expected.refs)) report('entries.refs', 'refs');
    const comments = (list: Entries['comments']) =>
      JSON.stringify((list ?? []).map((c) => [c.target, c.postId ?? null, c.match, c.keywords]));
    if (comments(flow.entries.comments) !== comments(expected.comments))
      report('entries.comments', 'comments');
  }
  return findings;
}
