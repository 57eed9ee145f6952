import { describe, expect, it } from 'vitest';
import { HostError, type HostApi, type PublishResult } from '../../../electron/host-api';
import shop from '../../../flows/examples/shop.flow.json';
import { validateFlowDocument } from '../../../flows';
import type { FlowDocument } from '../../../flows/schema';
import { publishReducer, startPublish, type PublishState } from './machine';
import { createPublishedCache } from './publishedCache';
import { preparePublish, uploadPublish } from './runPublish';
import { tokenRefusedTitle } from './runtimeAnswers';

const URL_ = 'http://127.0.0.1:9';

function shopDoc(): FlowDocument {
  const loaded = validateFlowDocument(structuredClone(shop));
  if (!loaded.ok) throw new Error('shop example does not load');
  return loaded.document;
}

/** A fake runtime behind the host API: answers `active` and `publish` as configured. */
function fakeRuntime(options: {
  connected?: boolean;
  hasToken?: boolean;
  active?: () => Promise<unknown>;
  publish?: (json: string) => Promise<PublishResult>;
  waiting?: () => Promise<unknown>;
}): HostApi['runtime'] & {
  uploads: string[];
  moves: (Record<string, string | null> | undefined)[];
} {
  const uploads: string[] = [];
  const moves: (Record<string, string | null> | undefined)[] = [];
  return {
    uploads,
    moves,
    connection: async () =>
      options.connected === false ? null : { url: URL_, hasToken: options.hasToken ?? true },
    setConnection: async () => undefined,
    active: options.active ?? (async () => null),
    revisions: async () => null,
    revision: async () => null,
    rollback: async () => ({ ok: false, status: 404, body: null }),
    stats: async () => ({ nodes: {} }),
    waiting: options.waiting ?? (async () => null),
    subscribers: async () => ({ subscribers: [], next: null }),
    subscriber: async () => null,
    deleteSubscriber: async () => null,
    broadcast: async () => ({ ok: false, status: 404, body: null }),
    broadcastStatus: async () => null,
    cancelBroadcast: async () => ({ ok: false, status: 404, body: null }),
    async publish(_flowId, json, chosen) {
      uploads.push(json);
      moves.push(chosen);
      return (options.publish ?? ok)(json);
    },
  };
}

async function ok(json: string): Promise<PublishResult> {
  const { revision } = JSON.parse(json) as { revision: string };
  return { ok: true, status: 200, body: { flowId: 'shop', revision, active: true } };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

async function publishOnce(
  runtime: HostApi['runtime'],
  cache = createPublishedCache(memoryStorage()),
  doc = shopDoc(),
) {
  let state: PublishState = startPublish();
  const deps = {
    runtime,
    cache,
    dispatch: (e: Parameters<typeof publishReducer>[1]) => (state = publishReducer(state, e)),
  };
  const prepared = await preparePublish(deps, doc);
  const reviewed = state;
  if (prepared && state.phase === 'review') {
    deps.dispatch({ type: 'confirmed' });
    await uploadPublish(deps, prepared, URL_, reviewed.moves);
  }
  return { reviewed, final: state };
}

describe('publishing through the host', () => {
  it('publishes a first revision and reports its hash', async () => {
    const runtime = fakeRuntime({});
    const { reviewed, final } = await publishOnce(runtime);
    expect(reviewed.previous).toBeNull();
    expect(final.phase).toBe('done');
    expect(runtime.uploads).toHaveLength(1);
    expect(final.revision).toBe(JSON.parse(runtime.uploads[0]!).revision);
  });

  it('does not upload a flow with lint errors', async () => {
    const doc = shopDoc();
    doc.edges = doc.edges.map((e, i) => (i === 0 ? { ...e, target: 'nowhere' } : e));
    const runtime = fakeRuntime({});
    const { final } = await publishOnce(runtime, undefined, doc);
    expect(final.failure?.kind).toBe('lint');
    expect(final.errors.length).toBeGreaterThan(0);
    expect(runtime.uploads).toEqual([]);
  });

  it('lists what changed since the revision this designer published before', async () => {
    const cache = createPublishedCache(memoryStorage());
    let active: unknown = null;
    const runtime = fakeRuntime({
      active: async () => active,
      publish: async (json) => {
        const result = await ok(json);
        active = result.body; // the runtime's GET answers metadata only, without the flow
        return result;
      },
    });
    await publishOnce(runtime, cache);
    const edited = shopDoc();
    edited.nodes = edited.nodes.map((n) =>
      n.id === 'n-welcome' ? { ...n, position: { x: 1, y: 1 } } : n,
    );
    const moved = await publishOnce(runtime, cache, edited);
    expect(moved.reviewed.previous?.revision).toBe((active as { revision: string }).revision);
    expect(moved.reviewed.compiled?.revision).toBe(moved.reviewed.previous?.revision);

    const renamed = shopDoc();
    renamed.nodes = renamed.nodes.filter((n) => n.id !== 'n-note');
    renamed.name = 'Stride Shoes (spring)';
    const { reviewed } = await publishOnce(runtime, cache, renamed);
    expect(reviewed.diff).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      settings: ['name'],
    });
    expect(reviewed.diff?.flow).toEqual([
      { path: 'name', before: 'Stride Shoes shop assistant', after: 'Stride Shoes (spring)' },
    ]);
  });

  it('asks how many wait at a removed question and sends where they go with the flow', async () => {
    const cache = createPublishedCache(memoryStorage());
    let active: unknown = null;
    let counts: unknown = null;
    const runtime = fakeRuntime({
      active: async () => active,
      waiting: async () => counts,
      publish: async (json) => {
        const result = await ok(json);
        active = result.body;
        return result;
      },
    });
    await publishOnce(runtime, cache);
    expect(runtime.moves).toEqual([undefined]);
    const revision = (active as { revision: string }).revision;
    counts = { revision, nodes: { 'n-size': 2 } };
    const doc = shopDoc();
    doc.nodes = doc.nodes.filter((n) => n.id !== 'n-size');
    doc.edges = doc.edges
      .filter((e) => e.source !== 'n-size')
      .map((e) => (e.target === 'n-size' ? { ...e, target: 'n-offer-split' } : e));
    const { reviewed } = await publishOnce(runtime, cache, doc);
    expect(reviewed.stranded).toEqual([
      { nodeId: 'n-size', type: 'input', reason: 'removed', waiting: 2 },
    ]);
    expect(runtime.moves.at(-1)).toEqual({ 'n-size': null });

    // Counts about another revision than the active one are not these nodes' counts.
    counts = { revision: 'f'.repeat(64), nodes: { 'n-size': 2 } };
    active = { revision };
    const again = await publishOnce(runtime, cache, doc);
    expect(again.reviewed.stranded.map((w) => w.waiting)).toEqual([null]);
    expect(runtime.moves.at(-1)).toBeUndefined();
  });

  it("lists the runtime's 400 reasons", async () => {
    const runtime = fakeRuntime({
      publish: async () => ({
        ok: false,
        status: 400,
        body: {
          error: 'invalid-flow',
          problems: [{ code: 'schema', place: '$.steps[0]', message: 'bad step' }],
        },
      }),
    });
    const { final } = await publishOnce(runtime);
    expect(final.failure).toEqual({
      kind: 'runtime',
      title: 'The runtime refused the flow',
      lines: ['$.steps[0]: bad step (schema)'],
    });
    expect(final.steps.upload).toBe('failed');
  });

  it('says the admin token was refused on a 401', async () => {
    const runtime = fakeRuntime({
      publish: async () => ({ ok: false, status: 401, body: { error: 'unauthorized' } }),
    });
    const { final } = await publishOnce(runtime);
    expect(final.failure).toMatchObject({ kind: 'connection', title: tokenRefusedTitle() });
  });

  it('says it could not reach the URL when the runtime is down', async () => {
    const runtime = fakeRuntime({
      active: async () => {
        throw new HostError(
          'runtime-unreachable',
          `${URL_}/api/flows/shop`,
          'Cannot reach the runtime: ECONNREFUSED',
        );
      },
    });
    const { final } = await publishOnce(runtime);
    expect(final.steps.compare).toBe('failed');
    expect(final.failure).toMatchObject({ kind: 'connection', title: `Could not reach ${URL_}` });
    expect(runtime.uploads).toEqual([]);
  });

  it('asks for a connection before comparing when none is set', async () => {
    const { final } = await publishOnce(fakeRuntime({ connected: false }));
    expect(final.failure).toMatchObject({ kind: 'connection', title: 'No runtime is connected' });
  });

  it('asks for the admin token when only the URL is stored', async () => {
    const { final } = await publishOnce(fakeRuntime({ hasToken: false }));
    expect(final.failure?.title).toBe(`No admin token is stored for ${URL_}`);
  });
});
