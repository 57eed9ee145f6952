// Flow patterns run on a linear-time engine: no answer can freeze the host, and every pattern the
// engine meets goes through flows/regex.ts rather than JavaScript's backtracking RegExp.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { flowPatternProblem, testFlowPattern } from './regex';
import { getStarted, Player, testFlow } from './engine/testFlow';

const EVIL = '^(a+)+$';
const HOSTILE = `${'a'.repeat(10_000)}!`;

/** Milliseconds `run` takes. Generous bounds only: the backtracking engine needs ages, not ms. */
function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Asks for a code (the input's pattern), then branches on `matches` with the same pattern. */
function patternFlow(pattern: string) {
  return testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
      {
        id: 'ask',
        type: 'input',
        data: { prompt: 'Code?', kind: 'text', variable: 'code', maxRetries: 0 },
        outputs: { ok: 'if', invalid: 'if' },
      },
      {
        id: 'if',
        type: 'condition',
        data: {
          branches: [
            {
              id: 'hit',
              match: 'all',
              rules: [{ variable: 'last_input', op: 'matches', value: pattern }],
            },
          ],
        },
        outputs: { 'branch:hit': 'yes', else: 'no' },
      },
      { id: 'yes', type: 'message', data: { blocks: [{ type: 'text', text: 'yes' }] } },
      { id: 'no', type: 'message', data: { blocks: [{ type: 'text', text: 'no' }] } },
    ],
    { entries: { getStarted: 'start' }, variables: [{ name: 'code', type: 'text' }] },
  );
}

function withPattern(flow: ReturnType<typeof patternFlow>, pattern: string) {
  const ask = flow.steps.find((s) => s.id === 'ask');
  if (ask?.type === 'input') ask.data.pattern = pattern;
  return flow;
}

describe('flow patterns', () => {
  it('judge a 10,000-character answer to ^(a+)+$ in milliseconds', () => {
    testFlowPattern(EVIL, 'warm up');
    let matched = true;
    expect(timed(() => (matched = testFlowPattern(EVIL, HOSTILE)))).toBeLessThan(1000);
    expect(matched).toBe(false);
    expect(testFlowPattern(EVIL, 'a'.repeat(10_000))).toBe(true);
  });

  it('keep the engine responsive: an input pattern and a matches rule on a hostile answer', () => {
    const player = new Player(withPattern(patternFlow(EVIL), EVIL));
    player.send(getStarted);
    let texts: string[] = [];
    const ms = timed(
      () => (texts = Player.texts(player.send({ type: 'text', text: HOSTILE }).actions)),
    );
    expect(ms).toBeLessThan(2000);
    expect(texts).toEqual(['no']);
  });

  it('are compiled through flows/regex.ts only: the engine never builds a native RegExp from one', () => {
    const native = globalThis.RegExp;
    const built: string[] = [];
    globalThis.RegExp = new Proxy(native, {
      construct(target, args: [string | RegExp, string?]) {
        built.push(String(args[0] instanceof native ? args[0].source : args[0]));
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args: [string | RegExp, string?]) {
        built.push(String(args[0] instanceof native ? args[0].source : args[0]));
        return Reflect.apply(target, self, args) as RegExp;
      },
    });
    try {
      fc.assert(
        fc.property(
          fc.constantFrom(
            '^x[0-9]+y$',
            'k(e|a)y\\d',
            '^[\\p{L}]{3}q$',
            'zz(?:top)?',
            '(?<=q)z',
            '(w',
          ),
          fc.string({ maxLength: 20 }),
          (pattern, text) => {
            const flow = withPattern(patternFlow(pattern), pattern);
            const player = new Player(flow);
            player.send(getStarted);
            player.send({ type: 'text', text });
            return !built.includes(pattern);
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      globalThis.RegExp = native;
    }
  });

  it('match what JavaScript matches for the patterns marketers write', () => {
    const patterns = [
      '^[A-Z]{2}\\d{4}$',
      '^\\d{5}$',
      '@example\\.com$',
      "^[\\p{L} '-]+$",
      '\\bshoe\\b',
      '^(yes|no)$',
      'colou?r',
      '^\\u00e9t\\u00e9$',
      '^(?<code>[a-f0-9]{3})$',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.boolean(),
        fc.stringMatching(/^[a-zA-Z0-9 @.'\-éÉ]{0,12}$/),
        (pattern, ignoreCase, text) =>
          testFlowPattern(pattern, text, { ignoreCase }) ===
          new RegExp(pattern, ignoreCase ? 'iu' : 'u').test(text),
      ),
      { numRuns: 500 },
    );
    expect(testFlowPattern('^\\u00e9t\\u00e9$', 'été')).toBe(true);
    expect(testFlowPattern('^r.d$', 'RED', { ignoreCase: true })).toBe(true);
  });

  it('tell patterns that are not regular expressions from those that need backtracking', () => {
    expect(flowPatternProblem('^[a-z]+$')).toBeUndefined();
    expect(flowPatternProblem('([a-z')).toMatchObject({ reason: 'invalid' });
    for (const pattern of ['(?<=@)example', '(a)\\1', '^(?!admin)', 'x(?=y)'])
      expect(flowPatternProblem(pattern)).toMatchObject({
        reason: 'unsupported',
        message: expect.stringMatching(/\S/),
      });
  });

  afterEach(() => expect(globalThis.RegExp.name).toBe('RegExp'));
});
