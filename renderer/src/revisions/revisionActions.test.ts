import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../electron/host-api';
import type { CommandContext } from '../commands/command';
import { createPublishStore } from '../publish/publishStore';
import { createUiStore } from '../store/uiStore';
import { loadRevisions, rollbackTo } from './revisionActions';

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
