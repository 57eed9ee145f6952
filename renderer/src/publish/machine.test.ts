import { describe, expect, it } from 'vitest';
import { compileFlow, validateFlowDocument } from '../../../flows';
import shop from '../../../flows/examples/shop.flow.json';
import type { CompiledFlow } from '../../../flows/schema';
import {
  publishReducer,
  startPublish,
  type PublishEvent,
  type PublishFailure,
  type PublishState,
} from './machine';

function shopCompiled(): CompiledFlow {
  const loaded = validateFlowDocument(structuredClone(shop));
  if (!loaded.ok) throw new Error('shop example does not load');
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error('shop example does not compile');
  return result.compiled;
}

const run = (...events: PublishEvent[]): PublishState =>
  events.reduce(publishReducer, startPublish());

const warning = { nodeId: 'n-note', code: 'unreachable-node', message: 'never reached' };
const error = { nodeId: 'n-x', code: 'missing-target', message: 'goes nowhere' };

describe('the publish state machine', () => {
  it('starts with the lint step running and the others waiting', () => {
    expect(startPublish().steps).toEqual({
      lint: 'running',
      compile: 'waiting',
      compare: 'waiting',
      upload: 'waiting',
    });
  });

  it('stops at lint errors, listing them, and never reaches the upload', () => {
    const state = run(
      { type: 'linted', errors: [error], warnings: [warning] },
      { type: 'confirmed' },
    );
    expect(state.phase).toBe('failed');
    expect(state.steps).toMatchObject({ lint: 'failed', compile: 'waiting', upload: 'waiting' });
    expect(state.failure).toMatchObject({
      kind: 'lint',
      title: '1 error must be fixed before publishing',
    });
    expect(state.errors).toEqual([error]);
  });

  it('keeps warnings but goes on to compile', () => {
    const state = run({ type: 'linted', errors: [], warnings: [warning] });
    expect(state.phase).toBe('running');
    expect(state.steps).toMatchObject({ lint: 'done', compile: 'running' });
    expect(state.warnings).toEqual([warning]);
  });

  it('waits for confirmation after comparing, with every node added on a first publish', () => {
    const compiled = shopCompiled();
    const state = run(
      { type: 'linted', errors: [], warnings: [] },
      { type: 'compiled', compiled },
      { type: 'compared', previous: null },
    );
    expect(state.phase).toBe('review');
    expect(state.steps.upload).toBe('waiting');
    expect(state.diff?.added).toHaveLength(compiled.steps.length);
  });

  it('lists the changed steps against the published revision', () => {
    const before = shopCompiled();
    const next = structuredClone(before);
    next.steps = next.steps.filter((s) => s.id !== 'n-fallback');
    const state = run(
      { type: 'linted', errors: [], warnings: [] },
      { type: 'compiled', compiled: next },
      { type: 'compared', previous: { revision: before.revision, flow: before } },
    );
    expect(state.diff).toMatchObject({ added: [], removed: ['n-fallback'], changed: [] });
  });

  it('has no change list when the runtime did not say what its revision holds', () => {
    const state = run(
      { type: 'linted', errors: [], warnings: [] },
      { type: 'compiled', compiled: shopCompiled() },
      { type: 'compared', previous: { revision: 'a'.repeat(64), flow: null } },
    );
    expect(state.phase).toBe('review');
    expect(state.diff).toBeNull();
  });

  it('uploads only after confirmation and ends with the new revision', () => {
    const compiled = shopCompiled();
    const reviewed: PublishEvent[] = [
      { type: 'linted', errors: [], warnings: [] },
      { type: 'compiled', compiled },
      { type: 'compared', previous: null },
    ];
    expect(run(...reviewed, { type: 'uploaded', revision: compiled.revision }).phase).toBe(
      'review',
    );
    const done = run(
      ...reviewed,
      { type: 'confirmed' },
      { type: 'uploaded', revision: compiled.revision },
    );
    expect(done.phase).toBe('done');
    expect(done.revision).toBe(compiled.revision);
    expect(Object.values(done.steps)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('marks the running step failed when the runtime refuses', () => {
    const failure: PublishFailure = {
      kind: 'runtime',
      title: 'The runtime refused the flow',
      lines: ['$.x: bad'],
    };
    const state = run(
      { type: 'linted', errors: [], warnings: [] },
      { type: 'compiled', compiled: shopCompiled() },
      { type: 'compared', previous: null },
      { type: 'confirmed' },
      { type: 'failed', failure },
    );
    expect(state.phase).toBe('failed');
    expect(state.steps).toMatchObject({ compare: 'done', upload: 'failed' });
    expect(state.failure).toEqual(failure);
  });

  it('ignores a late failure once publishing is done', () => {
    const compiled = shopCompiled();
    const done = run(
      { type: 'linted', errors: [], warnings: [] },
      { type: 'compiled', compiled },
      { type: 'compared', previous: null },
      { type: 'confirmed' },
      { type: 'uploaded', revision: compiled.revision },
    );
    const after = publishReducer(done, {
      type: 'failed',
      failure: { kind: 'runtime', title: 'late', lines: [] },
    });
    expect(after).toBe(done);
  });
});

describe('users waiting at nodes a publish strands', () => {
  /** The shop with the order question (an input) removed and its edges rerouted. */
  function withoutOrderQuestion(before: CompiledFlow): CompiledFlow {
    const next = structuredClone(before);
    next.steps = next.steps.filter((s) => s.id !== 'n-order-ask');
    for (const step of next.steps)
      for (const [handle, target] of Object.entries(step.outputs))
        if (target === 'n-order-ask') step.outputs[handle] = 'n-handover';
    next.entries.keywords = next.entries.keywords.filter((k) => k.target !== 'n-order-ask');
    return next;
  }
  const review = (waiting: Record<string, number> | null) => {
    const before = shopCompiled();
    return run(
      { type: 'linted', errors: [], warnings: [] },
      { type: 'compiled', compiled: withoutOrderQuestion(before) },
      { type: 'compared', previous: { revision: before.revision, flow: before }, waiting },
    );
  };

  it('lists a removed question with its waiting users, who end their wait unless moved', () => {
    const state = review({ 'n-order-ask': 3, 'n-more': 2 });
    expect(state.stranded).toEqual([
      { nodeId: 'n-order-ask', type: 'input', reason: 'removed', waiting: 3 },
    ]);
    expect(state.moves).toEqual({ 'n-order-ask': null });
    const moved = publishReducer(state, { type: 'moved', from: 'n-order-ask', to: 'n-handover' });
    expect(moved.moves).toEqual({ 'n-order-ask': 'n-handover' });
  });

  it('leaves out stranded nodes nobody waits at', () => {
    const state = review({ 'n-more': 2 });
    expect(state.stranded).toEqual([]);
    expect(state.moves).toEqual({});
  });

  it('lists every stranded node, choosing nothing, when the runtime does not count waits', () => {
    const state = review(null);
    expect(state.stranded.map((w) => [w.nodeId, w.waiting])).toEqual([['n-order-ask', null]]);
    expect(state.moves).toEqual({});
  });

  it('ignores a move for a node that is not stranded, or once the upload started', () => {
    const state = review({ 'n-order-ask': 1 });
    expect(publishReducer(state, { type: 'moved', from: 'n-more', to: null })).toBe(state);
    const uploading = publishReducer(state, { type: 'confirmed' });
    expect(publishReducer(uploading, { type: 'moved', from: 'n-order-ask', to: 'n-more' })).toBe(
      uploading,
    );
  });
});
