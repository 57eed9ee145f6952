// The profile sync's bookkeeping, with a recording Graph client: what it remembers across a
// refused call and from the version that only kept a hash.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../flows';
import { messengerProfileBody } from '../../flows/messenger';
import { createLogger } from '../log';
import type { GraphClient, GraphResult } from '../send/graph';
import type { Store } from '../store/types';
import { compile, exampleFlow } from '../testing/flows';
import { canonicalJson } from './canonical';
import { createProfileSync } from './profile';

const usage = { percent: 0, regainMs: 0 };
const OK: GraphResult = { ok: true, status: 200, body: { result: 'success' }, usage };
const REFUSED: GraphResult = {
  ok: false,
  status: 400,
  error: { code: 613, message: 'Calls to this api have exceeded the rate limit.' },
  usage,
};

function setup(settings = new Map<string, string>()) {
  const calls: { method: string; body: unknown }[] = [];
  const answers: GraphResult[] = [];
  const answer = async (method: string, body: unknown) => {
    calls.push({ method, body });
    return answers.shift() ?? OK;
  };
  const graph: GraphClient = {
    post: (_path, body) => answer('POST', body),
    delete: (_path, body) => answer('DELETE', body),
    get: () => Promise.reject(new Error('not used')),
    close: () => undefined,
  };
  const store = {
    getSetting: async (key: string) => settings.get(key),
    setSetting: async (key: string, value: string) => void settings.set(key, value),
  } as unknown as Store;
  const sync = createProfileSync({
    store,
    graph,
    log: createLogger({ quiet: true }),
    pageId: 'page',
    buildProfile: (flow) => ({ ...messengerProfileBody(flow) }),
  });
  return { sync, calls, answers, settings };
}

const doc = exampleFlow('welcome');
const full = compile(doc);
const bare = compile({ ...doc, profile: { greeting: doc.profile!.greeting! } });

describe('profile sync', () => {
  it('takes the hash an older version stored as the profile on the Page', async () => {
    const hash = sha256Hex(canonicalJson({ ...messengerProfileBody(full) }));
    const { sync, calls } = setup(new Map([['profile_hash:page', hash]]));
    expect(await sync.apply(full)).toEqual({ applied: false, reason: 'unchanged' });
    expect(calls).toEqual([]);
    // It knows what is on the Page now, so removing the menu is one DELETE of just those fields.
    await sync.apply(bare);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'DELETE']);
    expect(calls[1]!.body).toEqual({ fields: ['persistent_menu', 'ice_breakers'] });
  });

  it('tries again after a refused call, removing what may still be on the Page', async () => {
    const { sync, calls, answers } = setup();
    await sync.apply(full);
    answers.push(REFUSED);
    expect(await sync.apply(bare)).toMatchObject({ applied: false, reason: 'refused', code: 613 });
    calls.length = 0;
    expect(await sync.apply(bare)).toMatchObject({ applied: true });
    expect(calls.map((c) => c.method)).toEqual(['POST', 'DELETE']);
    calls.length = 0;
    expect(await sync.apply(bare)).toEqual({ applied: false, reason: 'unchanged' });
    expect(calls).toEqual([]);
  });

  it('on a first start removes every managed field the flow does not set', async () => {
    const { sync, calls } = setup();
    await sync.apply(bare);
    expect(calls[1]).toEqual({
      method: 'DELETE',
      body: { fields: ['persistent_menu', 'ice_breakers'] },
    });
  });
});
