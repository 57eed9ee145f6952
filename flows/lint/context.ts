// Indexes a document once so every rule looks things up in Maps instead of scanning arrays
// (lint runs on every edit in the designer and must stay fast on 2,000-node flows).
import { nodeWaits } from '../nodeTypes';
import type { Edge, FlowDocument, FlowNode, Variable } from '../schema';
import { SEVERITY_OF, type LintCode } from './catalogue';
import {
  lintText,
  renderLintText,
  type LintParam,
  type LintTextKey,
  type LintVariant,
} from './text';
import type { LintFinding } from './types';

export interface Place {
  nodeId?: string;
  edgeId?: string;
  field?: string;
  handle?: string;
}

export interface LintContext {
  doc: FlowDocument;
  /** First node with each id (duplicates are reported by the ids rule). */
  nodeById: ReadonlyMap<string, FlowNode>;
  /** Edges leaving each node, by source id, in document order. */
  edgesFrom: ReadonlyMap<string, readonly Edge[]>;
  /** Declared variables by name. */
  variables: ReadonlyMap<string, Variable>;
  /**
   * Reports a finding. `variant` names its message in lint/text (`text-too-long` + `plain` is
   * `text-too-long.plain`); `params` are the values it is made from.
   */
  report<C extends LintCode>(
    code: C,
    place: Place,
    variant: LintVariant<C>,
    params?: Record<string, LintParam>,
  ): void;
}

export function createContext(doc: FlowDocument, findings: LintFinding[]): LintContext {
  const nodeById = new Map<string, FlowNode>();
  for (const node of doc.nodes) if (!nodeById.has(node.id)) nodeById.set(node.id, node);
  const edgesFrom = new Map<string, Edge[]>();
  for (const edge of doc.edges) {
    const list = edgesFrom.get(edge.source);
    if (list) list.push(edge);
    else edgesFrom.set(edge.source, [edge]);
  }
  const variables = new Map<string, Variable>();
  for (const variable of doc.variables)
    if (!variables.has(variable.name)) variables.set(variable.name, variable);
  return {
    doc,
    nodeById,
    edgesFrom,
    variables,
    report(code, place, variant, params) {
      const text = lintText(`${code}.${variant}` as LintTextKey, params);
      const message = renderLintText(text, 'en');
      const finding: LintFinding = {
        code,
        severity: SEVERITY_OF.get(code) ?? 'error',
        message,
        text,
      };
      if (place.nodeId !== undefined) finding.nodeId = place.nodeId;
      if (place.edgeId !== undefined) finding.edgeId = place.edgeId;
      if (place.field !== undefined) finding.field = place.field;
      if (place.handle !== undefined) finding.handle = place.handle;
      findings.push(finding);
    },
  };
}

/** Nodes that wait for something before going on: the user, a human agent, or the clock. */
export function waits(node: FlowNode): boolean {
  return nodeWaits(node);
}

/** Nodes after which the next step only runs once the user has written again. */
export function waitsForUser(node: FlowNode): boolean {
  return waits(node) && node.type !== 'delay';
}

/** Where a node leads: its connected outputs, plus a goto's target. */
export function successors(ctx: LintContext, node: FlowNode): string[] {
  const next = (ctx.edgesFrom.get(node.id) ?? []).map((e) => e.target);
  if (node.type === 'goto') next.push(node.data.target);
  return next;
}
