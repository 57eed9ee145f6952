import { beforeEach, describe, expect, it } from 'vitest';
import type { HostApi, SubscriberQuery } from '../../../electron/host-api';
import { exportCsv, filterQuery, loadSubscribers, segmentOf } from './audienceActions';
import { subscribersCsv, type Subscriber } from './audienceReads';
import { audienceStore, EMPTY_FILTER } from './audienceStore';

const person = (psid: string, extra: Partial<Subscriber> = {}) => ({
  psid,
  name: null,
  firstSeen: '2026-11-29T10:00:00.000Z',
  lastMessageAt: '2026-11-29T10:00:00.000Z',
  windowOpenUntil: '2026-11-30T10:00:00.000Z',
  windowOpen: true,
  handover: false,
  tags: [],
  variables: {},
  source: null,
  ...extra,
});

/** A runtime with five subscribers, served `limit` at a time with the index as the cursor. */
function fakeHost(seen: SubscriberQuery[]): HostApi {
  const all = ['a', 'b', 'c', 'd', 'e'].map((p) => person(p));
  return {
    runtime: {
      async subscribers(query: SubscriberQuery) {
        seen.push(query);
        const from = Number(query.cursor ?? 0);
        const to = from + (query.limit ?? 50);
        return { subscribers: all.slice(from, to), next: to < all.length ? String(to) : null };
      },
    },
  } as unknown as HostApi;
}

beforeEach(() =>
  audienceStore.setState({ filter: EMPTY_FILTER, rows: null, next: null, error: null }),
);

describe('the Audience view', () => {
  it('turns the typed filter into the route query, refusing a malformed variable rule', () => {
    expect(
      filterQuery({
        tags: 'vip, new ,',
        notTags: 'churned',
        variable: 'size = 42',
        window: 'open',
      }),
    ).toEqual({
      tags: ['vip', 'new'],
      notTags: ['churned'],
      variables: { size: '42' },
      window: 'open',
    });
    expect(filterQuery(EMPTY_FILTER)).toEqual({});
    expect(() => filterQuery({ ...EMPTY_FILTER, variable: 'size' })).toThrow(/name=value/);
  });

  it('loads the first page, then the next with the cursor, appending', async () => {
    const seen: SubscriberQuery[] = [];
    const host = fakeHost(seen);
    audienceStore.setState({ filter: { ...EMPTY_FILTER, tags: 'vip' } });
    await loadSubscribers(host);
    const first = audienceStore.getState();
    expect(first.rows?.map((r) => r.psid)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen[0]).toEqual({ tags: ['vip'], limit: 50 });

    // A smaller page size, as a runtime may give fewer than asked with a cursor.
    audienceStore.setState({ rows: [person('a') as Subscriber], next: '1' });
    await loadSubscribers(host, true);
    expect(seen[1]).toEqual({ tags: ['vip'], limit: 50, cursor: '1' });
    expect(audienceStore.getState().rows?.map((r) => r.psid)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(audienceStore.getState().next).toBeNull();
  });

  it('exports every page of the filtered audience, not just the loaded one', async () => {
    const seen: SubscriberQuery[] = [];
    const host = {
      runtime: {
        async subscribers(query: SubscriberQuery) {
          seen.push(query);
          return query.cursor
            ? { subscribers: [person('z', { variables: { email: 'z@x.io' } })], next: null }
            : { subscribers: [person('y', { tags: ['lead'] })], next: 'next-page' };
        },
      },
    } as unknown as HostApi;
    const result = await exportCsv(host);
    expect(result?.count).toBe(2);
    expect(seen.map((q) => q.cursor)).toEqual([undefined, 'next-page']);
    expect(result?.csv.split('\r\n')[1]).toMatch(/^y,,.*,lead,,$/);
    expect(result?.csv.split('\r\n')[2]).toMatch(/^z,.*,z@x\.io$/);
  });

  it('writes CSV with a column per variable, quoting and defusing formulas', () => {
    const heads = {
      psid: 'PSID',
      name: 'Name',
      firstSeen: 'First',
      lastMessageAt: 'Last',
      windowOpenUntil: 'Until',
      tags: 'Tags',
      source: 'Source',
    };
    const csv = subscribersCsv(
      [
        person('1', {
          name: 'Ek, Anna',
          tags: ['vip', 'new'],
          variables: { email: '=cmd()', size: 42 },
          source: { kind: 'ref', ref: 'summer', at: '2026-11-29T10:00:00.000Z' },
        }) as Subscriber,
      ],
      heads,
    );
    expect(csv).toBe(
      'PSID,Name,First,Last,Until,Tags,Source,email,size\r\n' +
        '1,"Ek, Anna",2026-11-29T10:00:00.000Z,2026-11-29T10:00:00.000Z,2026-11-30T10:00:00.000Z,vip new,ref:summer,\'=cmd(),42\r\n',
    );
  });

  it('builds a broadcast segment from tags and variable rules, dropping empty rules', () => {
    expect(
      segmentOf({
        node: 'promo',
        tags: 'vip',
        notTags: '',
        rules: [
          { name: 'size', op: 'gt', value: '40' },
          { name: 'email', op: 'exists', value: 'ignored' },
          { name: ' ', op: 'eq', value: 'x' },
        ],
        sendAt: '',
        rate: 40,
      }),
    ).toEqual({
      tags: ['vip'],
      variables: [
        { name: 'size', op: 'gt', value: '40' },
        { name: 'email', op: 'exists' },
      ],
    });
  });
});
