import { describe, expect, it } from 'vitest';
import shop from '../../../flows/examples/shop.flow.json';
import { validateFlowDocument } from '../../../flows';
import { fromFlowDocument } from '../store/designerDocument';
import { createPublishStore } from './publishStore';
import { describeStatus, type StatusView } from './usePublishStatus';

const loaded = validateFlowDocument(structuredClone(shop));
if (!loaded.ok) throw new Error('shop example does not load');
const doc = fromFlowDocument(loaded.document);
const REV = 'abc1234'.padEnd(64, '0');
const connection = { url: 'http://127.0.0.1:8080', hasToken: true };

function view(patch: Partial<StatusView>): StatusView {
  return { ...createPublishStore().getState(), draft: null, ...patch };
}

describe('the status bar words for publishing', () => {
  it('says Not connected without a runtime', () => {
    expect(describeStatus(view({ connection: null }), 'shop', true).text).toBe('Not connected');
  });

  it('says Published with the short revision when the draft compiles to the active revision', () => {
    const status = describeStatus(
      view({
        connection,
        active: { state: 'published', flowId: 'shop', revision: REV },
        draft: { doc, revision: REV },
      }),
      'shop',
      true,
    );
    expect(status).toMatchObject({ text: 'Published (rev abc1234)', tone: 'published' });
  });

  it('says Draft when the runtime runs another revision', () => {
    const status = describeStatus(
      view({
        connection,
        active: { state: 'published', flowId: 'shop', revision: REV },
        draft: { doc, revision: 'f'.repeat(64) },
      }),
      'shop',
      true,
    );
    expect(status.text).toBe('Draft: changes not published');
  });

  it('says Draft for an edit that is not compiled yet, even if the last compile matched', () => {
    const edited = { ...doc, meta: { ...doc.meta, name: 'Edited' } };
    const status = describeStatus(
      view({
        connection,
        active: { state: 'published', flowId: 'shop', revision: REV },
        draft: { doc, revision: REV },
      }),
      edited.meta.id,
      false,
    );
    expect(status.text).toBe('Draft: changes not published');
  });

  it('says Not connected, with the reason in the tooltip, when the runtime cannot be reached', () => {
    const status = describeStatus(
      view({ connection, active: { state: 'unreachable', message: 'Could not reach x' } }),
      'shop',
      true,
    );
    expect(status).toMatchObject({ text: 'Not connected', title: 'Could not reach x' });
  });
});
