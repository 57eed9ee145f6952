// The pure parts of the audience: segments, a subscriber's source, and Meta's signed request.
import { describe, expect, it } from 'vitest';
import { parseSignedRequest, signRequest } from '../admin/data-deletion';
import { inSegment, segmentFromQuery } from './segment';
import { sourceOf } from './source';

const who = { tags: ['vip', 'shoes'], variables: { size: 42, city: 'Berlin' }, windowOpen: true };

describe('segments', () => {
  it('need every tag, none of the excluded ones, every variable rule and the window', () => {
    expect(inSegment(who, {})).toBe(true);
    expect(inSegment(who, { tags: ['vip', 'shoes'] })).toBe(true);
    expect(inSegment(who, { tags: ['vip', 'bags'] })).toBe(false);
    expect(inSegment(who, { notTags: ['shoes'] })).toBe(false);
    expect(inSegment(who, { window: 'closed' })).toBe(false);
    expect(inSegment({ ...who, windowOpen: false }, { window: 'open' })).toBe(false);
    const rule = (
      op: 'eq' | 'ne' | 'gt' | 'lt' | 'contains' | 'exists' | 'missing',
      value?: string | number,
    ) =>
      inSegment(who, {
        variables: [{ name: 'size', op, ...(value !== undefined ? { value } : {}) }],
      });
    expect([
      rule('eq', '42'),
      rule('ne', 41),
      rule('gt', 40),
      rule('lt', 43),
      rule('exists'),
    ]).toEqual([true, true, true, true, true]);
    expect([rule('eq', 41), rule('gt', 42), rule('lt', 'x'), rule('missing')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(inSegment(who, { variables: [{ name: 'city', op: 'contains', value: 'berl' }] })).toBe(
      true,
    );
    expect(inSegment(who, { variables: [{ name: 'zip', op: 'eq', value: '1' }] })).toBe(false);
  });

  it('read a list query: tag, notTag, var.NAME and window', () => {
    expect(
      segmentFromQuery(new URLSearchParams('tag=a&tag=b&notTag=c&var.size=42&window=open')),
    ).toEqual({
      ok: true,
      segment: {
        tags: ['a', 'b'],
        notTags: ['c'],
        variables: [{ name: 'size', op: 'eq', value: '42' }],
        window: 'open',
      },
    });
    expect(segmentFromQuery(new URLSearchParams('window=later'))).toMatchObject({ ok: false });
    expect(segmentFromQuery(new URLSearchParams('var.=1'))).toMatchObject({ ok: false });
    expect(segmentFromQuery(new URLSearchParams('tag='))).toMatchObject({ ok: false });
  });
});

describe('where a subscriber came from', () => {
  it('an m.me link, a Click-to-Messenger ad, a comment, or nothing known', () => {
    expect(sourceOf({ postback: { referral: { ref: 'summer', source: 'SHORTLINK' } } }, 5)).toEqual(
      {
        kind: 'ref',
        ref: 'summer',
        at: 5,
      },
    );
    expect(sourceOf({ referral: { source: 'ADS', ad_id: '6045', ref: 'x' } }, 5)).toEqual({
      kind: 'ad',
      adId: '6045',
      ref: 'x',
      at: 5,
    });
    expect(sourceOf({ comment: { comment_id: 'c1' } }, 5)).toEqual({
      kind: 'comment',
      commentId: 'c1',
      at: 5,
    });
    expect(sourceOf({ message: { text: 'hi' } }, 5)).toBeUndefined();
    expect(sourceOf(null, 5)).toBeUndefined();
  });
});

describe("Meta's signed request", () => {
  const secret = 'app-secret';
  it('is read when the HMAC-SHA256 signature matches', () => {
    const signed = signRequest(
      { algorithm: 'HMAC-SHA256', user_id: '218471', issued_at: 1 },
      secret,
    );
    expect(parseSignedRequest(signed, secret)).toMatchObject({ ok: true, userId: '218471' });
  });

  it('is refused with a reason otherwise', () => {
    const payload = { algorithm: 'HMAC-SHA256', user_id: '1' };
    expect(parseSignedRequest(signRequest(payload, 'other'), secret)).toMatchObject({
      ok: false,
      status: 401,
      error: 'bad-signature',
    });
    const [sig, body] = signRequest(payload, secret).split('.');
    const tampered = Buffer.from(JSON.stringify({ ...payload, user_id: '2' })).toString(
      'base64url',
    );
    expect(parseSignedRequest(`${sig}.${tampered}`, secret)).toMatchObject({ status: 401 });
    expect(parseSignedRequest(`${sig}`, secret)).toMatchObject({ status: 400 });
    expect(parseSignedRequest(`${sig}.${body}!`, secret)).toMatchObject({ status: 400 });
    expect(
      parseSignedRequest(signRequest({ algorithm: 'HMAC-SHA256' }, secret), secret),
    ).toMatchObject({
      status: 400,
      message: 'the payload names no user_id',
    });
    expect(
      parseSignedRequest(signRequest({ algorithm: 'MD5', user_id: '1' }, secret), secret),
    ).toMatchObject({
      status: 400,
    });
  });
});
