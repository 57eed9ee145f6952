import { describe, expect, it } from 'vitest';
import type { Rule } from '../schema';
import { getStarted, Player, testFlow } from './testFlow';
import type { Action } from '../schema';

/** Runs `actions`, then a condition with one branch of `rules`; returns the handle taken. */
function branch(rules: Rule[], actions: Action[] = [], match: 'all' | 'any' = 'all') {
  const flow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'set' } },
      { id: 'set', type: 'action', data: { actions }, outputs: { next: 'if' } },
      { id: 'if', type: 'condition', data: { branches: [{ id: 'yes', match, rules }] } },
    ],
    {
      entries: { getStarted: 'start' },
      variables: [
        { name: 'size', type: 'number', default: 42 },
        { name: 'vip', type: 'boolean' },
      ],
    },
  );
  const r = new Player(flow).send(getStarted);
  const took = r.trace.filter((t) => t.type === 'take' && t.step === 'if');
  return took[0]?.type === 'take' ? took[0].handle : undefined;
}

const set = (variable: string, value: string): Action => ({ type: 'set', variable, value });

describe('condition operators', () => {
  it.each<[string, Rule, Action[], boolean]>([
    [
      'eq ignores case and space',
      { variable: 'c', op: 'eq', value: 'Red' },
      [set('c', ' red ')],
      true,
    ],
    ['eq compares numbers as numbers', { variable: 'size', op: 'eq', value: '42.0' }, [], true],
    ['eq on an unset variable', { variable: 'x', op: 'eq', value: '' }, [], false],
    ['neq', { variable: 'c', op: 'neq', value: 'blue' }, [set('c', 'red')], true],
    ['neq on an unset variable', { variable: 'x', op: 'neq', value: 'blue' }, [], true],
    ['contains', { variable: 'c', op: 'contains', value: 'RED' }, [set('c', 'dark red')], true],
    ['gt', { variable: 'size', op: 'gt', value: 41 }, [], true],
    ['gt false', { variable: 'size', op: 'gt', value: 42 }, [], false],
    ['gte', { variable: 'size', op: 'gte', value: 42 }, [], true],
    ['lt', { variable: 'size', op: 'lt', value: '50' }, [], true],
    ['lte false', { variable: 'size', op: 'lte', value: 41 }, [], false],
    [
      'lt compares ISO dates',
      { variable: 'd', op: 'lt', value: '2026-05-01' },
      [set('d', '2026-04-30')],
      true,
    ],
    ['gt on text is false', { variable: 'c', op: 'gt', value: 'a' }, [set('c', 'b')], false],
    ['set', { variable: 'size', op: 'set' }, [], true],
    ['unset', { variable: 'nothing', op: 'unset' }, [], true],
    [
      'unset after clear',
      { variable: 'c', op: 'unset' },
      [set('c', 'x'), { type: 'clear', variable: 'c' }],
      true,
    ],
    ['matches', { variable: 'c', op: 'matches', value: '^r.d$' }, [set('c', 'Red')], true],
    [
      'matches with a broken regex is false',
      { variable: 'c', op: 'matches', value: '(' },
      [set('c', 'x')],
      false,
    ],
    ['has_tag', { op: 'has_tag', value: 'vip' }, [{ type: 'add_tag', tag: 'vip' }], true],
    [
      'lacks_tag after remove_tag',
      { op: 'lacks_tag', value: 'vip' },
      [
        { type: 'add_tag', tag: 'vip' },
        { type: 'remove_tag', tag: 'vip' },
      ],
      true,
    ],
    [
      'a value template reads another variable',
      { variable: 'a', op: 'eq', value: '{{b}}' },
      [set('a', 'x'), set('b', 'X')],
      true,
    ],
    [
      'increment adds to the default',
      { variable: 'size', op: 'eq', value: 44 },
      [{ type: 'increment', variable: 'size', by: 2 }],
      true,
    ],
  ])('%s', (_name, rule, actions, expected) => {
    expect(branch([rule], actions)).toBe(expected ? 'branch:yes' : 'else');
  });

  it('needs all rules for match all and one for match any', () => {
    const rules: Rule[] = [
      { op: 'has_tag', value: 'a' },
      { op: 'has_tag', value: 'b' },
    ];
    const tagA: Action[] = [{ type: 'add_tag', tag: 'a' }];
    expect(branch(rules, tagA, 'all')).toBe('else');
    expect(branch(rules, tagA, 'any')).toBe('branch:yes');
  });

  it('stores set values typed by the variable declaration', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'set' } },
        {
          id: 'set',
          type: 'action',
          data: {
            actions: [
              set('size', '38'),
              set('vip', 'yes'),
              set('note', '{{size}} {{missing|none}}'),
              set('user_id', 'x'),
            ],
          },
        },
      ],
      {
        entries: { getStarted: 'start' },
        variables: [
          { name: 'size', type: 'number' },
          { name: 'vip', type: 'boolean' },
        ],
      },
    );
    const r = new Player(flow).send(getStarted);
    expect(r.session.variables).toEqual({ size: 38, vip: true, note: '38 none' });
    expect(r.actions).toEqual([
      expect.objectContaining({ type: 'log', code: 'read-only-variable' }),
    ]);
  });
});
