import { describe, expect, it } from 'vitest';
import shop from '../examples/shop.flow.json';
import { addNodes, cleanFlow, node, nodeOf } from '../lint/test-fixtures';
import { validateFlowDocument } from '../load';
import { CompiledFlow, type FlowDocument } from '../schema';
import { compiledRevision, compileFlow } from './index';

function shopDoc(): FlowDocument {
  const loaded = validateFlowDocument(structuredClone(shop));
  if (!loaded.ok) throw new Error('shop example does not load');
  return loaded.document;
}

function compiled(doc: FlowDocument) {
  const result = compileFlow(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result;
}

/** Reverses the key order of every object. */
function shuffle<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shuffle) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, shuffle(v)]),
  ) as T;
}

describe('compileFlow', () => {
  it('gives byte-identical output when compiling the same document twice', () => {
    expect(compiled(shopDoc()).json).toBe(compiled(shopDoc()).json);
  });

  it('does not depend on the key order of the input or the order of edges', () => {
    const doc = shopDoc();
    const shuffled = shuffle(doc);
    shuffled.edges.reverse();
    expect(compiled(shuffled).json).toBe(compiled(doc).json);
  });

  it('writes a file that the compiled JSON schema accepts, with 2-space indent and a final newline', () => {
    const { json } = compiled(shopDoc());
    expect(CompiledFlow.safeParse(JSON.parse(json)).success).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n').slice(0, 3)).toEqual([
      '{',
      '  "format": "threadline.compiled",',
      '  "version": 1,',
    ]);
  });

  it('stamps a revision that the runtime can recompute from the parsed file', () => {
    const { json, compiled: flow } = compiled(shopDoc());
    const reparsed = CompiledFlow.parse(JSON.parse(json));
    expect(compiledRevision(reparsed)).toBe(flow.revision);
  });

  it('changes the revision when the content changes, but not when only positions move', () => {
    const doc = shopDoc();
    const moved = shopDoc();
    moved.nodes.forEach((n) => (n.position = { x: n.position.x + 10, y: 0 }));
    const edited = shopDoc();
    nodeOf(edited, 'n-bye', 'message').data.blocks = [{ type: 'text', text: 'Bye!' }];
    const revision = compiled(doc).compiled.revision;
    expect(compiled(moved).compiled.revision).toBe(revision);
    expect(compiled(edited).compiled.revision).not.toBe(revision);
  });

  it('drops notes and positions and resolves edges into outputs in handle order', () => {
    const doc = shopDoc();
    doc.edges.reverse();
    const flow = compiled(doc).compiled;
    expect(flow.steps.some((s) => s.id === 'n-note')).toBe(false);
    expect(JSON.stringify(flow)).not.toContain('"position"');
    const welcome = flow.steps.find((s) => s.id === 'n-welcome');
    expect(welcome?.outputs).toEqual({
      'reply:browse': 'n-catalog',
      'reply:order': 'n-order-ask',
      'reply:sizes': 'n-sizes',
    });
    expect(Object.keys(welcome?.outputs ?? {})).toEqual([
      'reply:browse',
      'reply:order',
      'reply:sizes',
    ]);
  });

  it('builds the entry table from the triggers, keywords in document order', () => {
    const flow = compiled(shopDoc()).compiled;
    expect(flow.entries).toEqual({
      getStarted: 'n-start',
      keywords: [
        { keywords: ['menu', 'start', 'hi', 'hello'], match: 'exact', target: 'n-menu-keyword' },
        {
          keywords: ['order', 'tracking', 'delivery'],
          match: 'contains',
          target: 'n-order-keyword',
        },
        { keywords: ['human', 'agent'], match: 'contains', target: 'n-human-keyword' },
      ],
      refs: [],
      default: 'n-default',
    });
  });

  it('keeps the target of a "go to" and refs of link triggers', () => {
    const doc = cleanFlow();
    addNodes(
      doc,
      [
        node('n-ad', 'trigger', { kind: 'ref', ref: 'summer-sale' }),
        node('n-jump', 'goto', { target: 'n-menu' }),
      ],
      [
        ['n-ad', 'out', 'n-a'],
        ['n-a', 'next', 'n-jump'],
      ],
    );
    const flow = compiled(doc).compiled;
    expect(flow.entries.refs).toEqual([{ ref: 'summer-sale', target: 'n-ad' }]);
    expect(flow.steps.find((s) => s.id === 'n-jump')).toEqual({
      id: 'n-jump',
      type: 'goto',
      data: { target: 'n-menu' },
      outputs: {},
    });
  });

  it('sorts HTTP header names so that their order in the file does not matter', () => {
    const withHeaders = (headers: Record<string, string>) => {
      const doc = cleanFlow();
      addNodes(
        doc,
        [node('n-http', 'http', { method: 'GET', url: 'https://api.example.com', headers })],
        [['n-a', 'next', 'n-http']],
      );
      return compiled(doc).json;
    };
    expect(withHeaders({ b: '2', a: '1' })).toBe(withHeaders({ a: '1', b: '2' }));
  });

  it('carries defaultLocale into the compiled flow, and into its revision', () => {
    const without = compiled(shopDoc());
    expect(without.compiled.defaultLocale).toBeUndefined();
    const withLocale = compiled({ ...shopDoc(), defaultLocale: 'de-DE' });
    expect(withLocale.compiled.defaultLocale).toBe('de-DE');
    expect(CompiledFlow.parse(JSON.parse(withLocale.json)).defaultLocale).toBe('de-DE');
    expect(withLocale.compiled.revision).not.toBe(without.compiled.revision);
  });

  it('refuses a document with lint errors and returns only the errors', () => {
    const doc = cleanFlow();
    delete doc.disclosure;
    nodeOf(doc, 'n-a', 'message').data.blocks = [{ type: 'text', text: 'x'.repeat(2001) }];
    const result = compileFlow(doc);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings.map((f) => f.code)).toEqual(['text-too-long']);
  });

  it('compiles a document with warnings and hands the warnings back', () => {
    const doc = cleanFlow();
    delete doc.disclosure;
    const result = compileFlow(doc);
    expect(result.ok && result.warnings.map((f) => f.code)).toEqual(['no-disclosure']);
  });
});
