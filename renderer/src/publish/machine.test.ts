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
