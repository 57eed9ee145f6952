import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import type * as compileModule from '../../../flows/compile';
import { compileFlow } from '../../../flows/compile';
import type * as lintModule from '../../../flows/lint';
import { lintFlow } from '../../../flows/lint';
import { FlowDocument } from '../../../flows/schema';
import { createDesignerStores } from '../designer/createDesigner';
import { feedProblems } from '../hooks/useLint';
import { draftRevision, followDraftRevision } from '../publish/usePublishStatus';
import { feedSimulator } from '../simulator/useDraftSync';
import { DERIVE_DEBOUNCE_MS } from './derivedStore';
import { toProblems } from './toProblems';

// Counted where they are defined, so that compile's own lint of a document would count too.
vi.mock('../../../flows/lint', async (importOriginal) => {
  const actual = await importOriginal<typeof lintModule>();
  return { ...actual, lintFlow: vi.fn(actual.lintFlow) };
});
vi.mock('../../../flows/compile', async (importOriginal) => {
  const actual = await importOriginal<typeof compileModule>();
  return { ...actual, compileFlow: vi.fn(actual.compileFlow) };
});

const noHttp = () => Promise.reject(new Error('no HTTP in this test'));

function setup() {
  const context = createDesignerStores(FlowDocument.parse(welcome), { callHost: noHttp });
  const stops = [context.derived.start(), feedProblems(context)];
  const rename = (name: string) =>
    context.store.getState().change((doc) => ({ ...doc, meta: { ...doc.meta, name } }), {
      kind: 'merge',
      key: 'meta:name',
    });
  return { context, stops, rename };
}

describe('the derived store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.mocked(lintFlow).mockClear();
    vi.mocked(compileFlow).mockClear();
  });

  it('lints and compiles once per edit for the Problems panel, simulator and status bar', () => {
    const { context, stops, rename } = setup();
    // The simulator panel is open and a runtime is connected: all three consumers subscribe.
    stops.push(feedSimulator(context), followDraftRevision(context));
    const statuses: (string | null)[] = [];
    stops.push(context.derived.subscribe((d) => statuses.push(draftRevision(d)?.revision ?? null)));
    vi.mocked(lintFlow).mockClear();
    vi.mocked(compileFlow).mockClear();

    rename('Welcome to the shop');
    vi.advanceTimersByTime(DERIVE_DEBOUNCE_MS);

    expect(vi.mocked(lintFlow)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(compileFlow)).toHaveBeenCalledTimes(1);
    // And each consumer has the results for the edited document.
    const doc = context.store.getState().doc;
    const derived = context.derived.getState();
    expect(derived.doc).toBe(doc);
    expect(derived.compiled?.ok).toBe(true);
    if (!derived.compiled?.ok) return;
    expect(context.store.getState().problems).toEqual(toProblems(derived.findings));
    expect(context.simulator.getState().draft).toBe(derived.compiled.compiled);
    expect(context.simulator.getState().draft?.name).toBe('Welcome to the shop');
    expect(statuses.at(-1)).toBe(derived.compiled.compiled.revision);
    for (const stop of stops) stop();
  });

  it('waits for the typing to pause and derives the last version only', () => {
    const { context, stops, rename } = setup();
    stops.push(feedSimulator(context));
    vi.mocked(lintFlow).mockClear();
    vi.mocked(compileFlow).mockClear();
    for (const name of ['W', 'We', 'Wel', 'Welc']) {
      rename(name);
      vi.advanceTimersByTime(DERIVE_DEBOUNCE_MS - 50);
    }
    expect(vi.mocked(lintFlow)).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(vi.mocked(lintFlow)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(compileFlow)).toHaveBeenCalledTimes(1);
    expect(context.simulator.getState().draft?.name).toBe('Welc');
    for (const stop of stops) stop();
  });

  it('only lints while nothing needs the compiled flow, and compiles the same version on demand', () => {
    const { context, stops, rename } = setup();
    rename('Renamed');
    vi.advanceTimersByTime(DERIVE_DEBOUNCE_MS);
    expect(vi.mocked(lintFlow)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(compileFlow)).not.toHaveBeenCalled();
    expect(context.derived.getState().compiled).toBeNull();
    // Opening the simulator compiles at once, with the findings already there.
    stops.push(feedSimulator(context));
    expect(vi.mocked(lintFlow)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(compileFlow)).toHaveBeenCalledTimes(1);
    expect(context.simulator.getState().draft?.name).toBe('Renamed');
    for (const stop of stops) stop();
  });
});
