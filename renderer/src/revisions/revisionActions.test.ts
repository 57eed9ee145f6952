import { describe, expect, it } from 'vitest';
import { HostError, type HostApi } from '../../../electron/host-api';
import { compileFlow, validateFlowDocument } from '../../../flows';
import shop from '../../../flows/examples/shop.flow.json';
import type { CompiledFlow } from '../../../flows/schema';
import type { CommandContext } from '../commands/command';
import { createPublishStore } from '../publish/publishStore';
import { createUiStore } from '../store/uiStore';
import { loadRevisions, rollbackTo, showRevision } from './revisionActions';

const REV = 'a'.repeat(64);

function setup() {
  const publish = createPublishStore();
  publish.setState({ connection: { url: 'http://127.0.0.1:1', hasToken: true } });
  const ui = createUiStore();
  const store = { getState: () => ({ doc: { meta: { id: 'shop' } } }) };
  const context = { publish, store, ui } as unknown as Pick<
    CommandContext,
    'store' | 'publish' | 'ui'
  >;
  const rollbacks: string[] = [];
  const host = {
    runtime: {
      connection: async () => publish.getState().connection,
      active: async () => ({ revision: REV }),
      revisions: async () => ({
        flowId: 'shop',
        revisions: [
          { revision: 'b'.repeat(64), name: 'Shop', createdAt: 2, active: true, nodeCount: 9 },
          { revision: REV, name: 'Shop', createdAt: 1, active: false, nodeCount: 8 },
        ],
      }),
      rollback: async (_flowId: string, revision: string) => {
        rollbacks.push(revision);
        return { ok: true, status: 200, body: { revision } };
      },
    },
  } as unknown as HostApi;
  return { publish, ui, context, host, rollbacks };
}

describe('the Revisions panel', () => {
  it('lists the revisions with their node counts, newest first', async () => {
    const { publish, context, host } = setup();
    await loadRevisions(context, host);
    expect(publish.getState().revisions.list?.map((r) => [r.nodeCount, r.active])).toEqual([
      [9, true],
      [8, false],
    ]);
  });

  it('rolls back only after the user confirms', async () => {
    const { publish, ui, context, host, rollbacks } = setup();
    const declined = rollbackTo(context, host, REV);
    expect(ui.getState().confirmation?.title).toBe('Roll back to rev aaaaaaa?');
    ui.getState().confirmation?.resolve(false);
    await declined;
    expect(rollbacks).toEqual([]);

    const confirmed = rollbackTo(context, host, REV);
    ui.getState().confirmation?.resolve(true);
    await confirmed;
    expect(rollbacks).toEqual([REV]);
    expect(publish.getState().revisions.message).toEqual({
      error: false,
      text: 'Rev aaaaaaa is active again.',
    });
    expect(publish.getState().active).toEqual({
      state: 'published',
      flowId: 'shop',
      revision: REV,
    });
  });
});

function shopNamed(name: string): CompiledFlow {
  const loaded = validateFlowDocument({ ...structuredClone(shop), name });
  if (!loaded.ok) throw new Error('shop example does not load');
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error('shop example does not compile');
  return result.compiled;
}

describe('comparing or opening a revision this designer never published', () => {
  function withRuntime(revision: (flowId: string, rev: string) => Promise<unknown>) {
    const { publish, context, host } = setup();
    const asked: string[] = [];
    host.runtime.revision = async (flowId, rev) => {
      asked.push(rev);
      return revision(flowId, rev);
    };
    return { publish, context, host, asked };
  }

  it("fetches the revision's compiled flow from the runtime", async () => {
    const flow = shopNamed(`Shop from the CLI ${Math.random()}`);
    const { publish, context, host, asked } = withRuntime(async () => ({
      flowId: 'shop',
      revision: flow.revision,
      name: flow.name,
      createdAt: 1,
      active: false,
      nodeCount: flow.steps.length,
      flow,
    }));
    await showRevision(context, host, flow.revision, 'compare');
    expect(publish.getState().revisions.shown).toEqual({
      mode: 'compare',
      revision: flow.revision,
      flow,
    });
    expect(asked).toEqual([flow.revision]);
  });

  it('says so when neither the runtime nor this designer has the revision', async () => {
    const { publish, context, host } = withRuntime(async () => null);
    const missing = 'c'.repeat(64);
    await showRevision(context, host, missing, 'compare');
    expect(publish.getState().revisions).toMatchObject({
      shown: null,
      message: {
        error: true,
        text: 'Neither the runtime nor this designer knows what rev ccccccc holds.',
      },
    });
  });

  it("names the runtime's failure instead of guessing", async () => {
    const { publish, context, host } = withRuntime(async () => {
      throw new HostError('runtime-unreachable', 'http://127.0.0.1:1', 'Cannot reach');
    });
    await showRevision(context, host, 'd'.repeat(64), 'view');
    const { message } = publish.getState().revisions;
    expect(message?.error).toBe(true);
    expect(message?.text).toContain('127.0.0.1:1');
  });
});
