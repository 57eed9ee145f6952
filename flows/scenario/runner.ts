// Replays a scenario (docs/format.md §4) against a compiled flow with the engine and a virtual clock.
// Pure: no I/O; http steps are answered from the scenario's `http` map or fail with an error.
import type { CompiledFlow } from '../schema';
import type { EngineAction, OutQuickReply, TraceEntry } from '../engine/actions';
import type { EngineEvent } from '../engine/events';
import {
  ChatSimulator,
  type HttpAnswerLike,
  type HttpRequestAction,
  type SimulatorTurn,
} from '../engine/simulator';
import { encodePayload } from '../messenger/payload';
import { mismatch } from './match';
import { renderScenarioText, scenarioText, type ScenarioText } from './text';
import {
  SCENARIO_POST_ID,
  type HttpAnswer,
  type Scenario,
  type ScenarioSend,
  type ScenarioStep,
} from './schema';
import { seenMessages, type SeenMessage } from './transcript';

export interface ScenarioFailure {
  stepIndex: number;
  expected: unknown;
  actual: unknown;
  /** English, for logs and --json; `text` gives it in another language (./text). */
  message: string;
  text: ScenarioText;
}

export interface ScenarioResult {
  passed: boolean;
  failures: ScenarioFailure[];
  trace: TraceEntry[];
}

export interface RunScenarioOptions {
  /** Start of the virtual clock (ms epoch); a fixed date by default. */
  start?: number;
  /**
   * Hears the engine turns each step ran (sends and waits; none for the checks), in order, so
   * another host can replay the scenario and compare what it sends (runtime/parity.test.ts).
   */
  onTurns?: (turns: SimulatorTurn[], stepIndex: number) => void;
}

export const SCENARIO_USER_ID = 'scenario-user';

export function runScenario(
  flow: CompiledFlow,
  scenario: Scenario,
  options: RunScenarioOptions = {},
): ScenarioResult {
  const sim = new ChatSimulator(flow, {
    user: { id: SCENARIO_USER_ID, ...scenario.user },
    ...(scenario.seed !== undefined ? { seed: scenario.seed } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
  });
  const replay = new Replay(flow, scenario, sim, options.onTurns);
  scenario.steps.every((s, i) => replay.run(s, i));
  return {
    passed: replay.failures.length === 0,
    failures: replay.failures,
    trace: sim.turns.flatMap((t) => t.trace),
  };
}

class Replay {
  failures: ScenarioFailure[] = [];
  /** Messages since the last send (a wait adds to them; an expect consumes them). */
  private seen: SeenMessage[] = [];
  private quickReplies: OutQuickReply[] = [];
  /** Postback buttons sent so far, newest last. */
  private buttons: { title: string; payload: string; card?: string }[] = [];
  private httpCalls = new Map<string, number>();
  /** Comments made so far: each gets its own id, `<post>_<n>`, as the sandbox numbers them. */
  private comments = 0;

  constructor(
    private readonly flow: CompiledFlow,
    private readonly scenario: Scenario,
    private readonly sim: ChatSimulator,
    private readonly onTurns?: (turns: SimulatorTurn[], stepIndex: number) => void,
  ) {}

  /** Runs one step; false stops the replay (a send that could not be made). */
  run(step: ScenarioStep, index: number): boolean {
    if ('send' in step) {
      const event = this.eventFor(step.send);
      if (!('type' in event)) {
        this.fail(index, step.send, null, event);
        return false;
      }
      this.seen = [];
      this.absorb(
        this.sim.sendSync(event, (r) => this.answer(r)),
        index,
      );
    } else if ('wait' in step) {
      this.absorb(
        this.sim.advanceSync(step.wait, (r) => this.answer(r)),
        index,
      );
    } else if ('expect' in step) {
      const problem = mismatch(step.expect, this.seen);
      if (problem) this.fail(index, step.expect, this.seen, problem);
      this.seen = [];
    } else if ('expectVars' in step) {
      this.checkVars(step.expectVars, index);
    } else {
      const actual = [...this.sim.session.tags].sort();
      const expected = [...step.expectTags].sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        this.fail(
          index,
          step.expectTags,
          this.sim.session.tags,
          scenarioText('tagsWere', { tags: JSON.stringify(this.sim.session.tags) }),
        );
    }
    return true;
  }

  private absorb(turns: SimulatorTurn[], index: number): void {
    this.onTurns?.(turns, index);
    for (const turn of turns) {
      this.seen.push(...seenMessages(turn.actions));
      for (const action of turn.actions) this.remember(action, index);
    }
  }

  private remember(action: EngineAction, index: number): void {
    if (action.type === 'log' && action.level === 'error')
      this.fail(
        index,
        'no engine error',
        action,
        action.step
          ? scenarioText('engineError', {
              step: action.step,
              code: action.code,
              message: action.message,
            })
          : scenarioText('engineErrorFlow', { code: action.code, message: action.message }),
      );
    if (action.type !== 'send_text' && action.type !== 'send_cards' && action.type !== 'send_media')
      return;
    if (action.quickReplies?.length) this.quickReplies = action.quickReplies;
    if (action.type === 'send_text')
      for (const b of action.buttons ?? []) if (b.type === 'postback') this.buttons.push(b);
    if (action.type === 'send_cards')
      for (const card of action.cards)
        for (const b of card.buttons ?? [])
          if (b.type === 'postback') this.buttons.push({ ...b, card: card.title });
  }

  private checkVars(expected: Record<string, unknown>, index: number): void {
    const vars = this.sim.session.variables;
    const defaults = new Map(this.flow.variables.map((v) => [v.name, v.default]));
    const actual: Record<string, unknown> = {};
    for (const name of Object.keys(expected))
      actual[name] = vars[name] ?? defaults.get(name) ?? null;
    const wrong = Object.keys(expected).filter((n) => actual[n] !== expected[n]);
    if (wrong.length)
      this.fail(
        index,
        expected,
        actual,
        scenarioText('variablesDiffer', {
          details: wrong.map((name) =>
            scenarioText('variableIs', {
              name,
              actual: JSON.stringify(actual[name]),
              expected: JSON.stringify(expected[name]),
            }),
          ),
        }),
      );
  }

  /** The engine event for a scenario send, or why it cannot be made. */
  private eventFor(send: ScenarioSend): EngineEvent | ScenarioText {
    if ('text' in send) return { type: 'text', text: send.text };
    if ('getStarted' in send) return { type: 'get_started' };
    if ('ref' in send) return { type: 'referral', ref: send.ref };
    if ('attachment' in send) {
      const { type, url, more } = send.attachment;
      return {
        type: 'attachment',
        attachmentType: type,
        url,
        ...(more ? { more: more.map((a) => ({ attachmentType: a.type, url: a.url })) } : {}),
      };
    }
    if ('handBack' in send) return { type: 'handover_returned' };
    if ('comment' in send)
      return {
        type: 'comment',
        commentId: `${send.postId ?? SCENARIO_POST_ID}_${++this.comments}`,
        postId: send.postId ?? SCENARIO_POST_ID,
        text: send.comment,
      };
    if ('quickReply' in send) {
      const reply = this.quickReplies.find((q) => q.type === 'text' && q.title === send.quickReply);
      if (reply?.type !== 'text')
        return scenarioText('noQuickReply', {
          title: JSON.stringify(send.quickReply),
          offered: JSON.stringify(
            this.quickReplies.flatMap((q) => (q.type === 'text' ? [q.title] : [])),
          ),
        });
      return { type: 'quick_reply', payload: reply.payload, text: reply.title };
    }
    if ('button' in send) {
      const button = [...this.buttons]
        .reverse()
        .find((b) => b.title === send.button && (send.card === undefined || b.card === send.card));
      if (!button)
        return send.card === undefined
          ? scenarioText('noButton', { title: JSON.stringify(send.button) })
          : scenarioText('noButtonOnCard', {
              title: JSON.stringify(send.button),
              card: JSON.stringify(send.card),
            });
      return { type: 'postback', payload: button.payload, title: button.title };
    }
    if ('menu' in send) {
      const item = this.flow.profile?.persistentMenu?.find((m) => m.title === send.menu);
      if (!item || !('target' in item))
        return scenarioText('noMenuItem', { title: JSON.stringify(send.menu) });
      return {
        type: 'postback',
        payload: encodePayload({ kind: 'menu', target: item.target }),
        title: item.title,
      };
    }
    const ice = this.flow.profile?.iceBreakers?.find((i) => i.question === send.iceBreaker);
    if (!ice) return scenarioText('noIceBreaker', { question: JSON.stringify(send.iceBreaker) });
    return {
      type: 'postback',
      payload: encodePayload({ kind: 'ice', target: ice.target }),
      title: ice.question,
    };
  }

  private answer(request: HttpRequestAction): HttpAnswerLike {
    const map = this.scenario.http ?? {};
    const key = [request.step, `${request.method} ${request.url}`, request.url].find(
      (k) => map[k] !== undefined,
    );
    if (key === undefined)
      return { error: `the scenario has no answer for ${request.method} ${request.url}` };
    const entry = map[key]!;
    const calls = this.httpCalls.get(key) ?? 0;
    this.httpCalls.set(key, calls + 1);
    const answer: HttpAnswer = Array.isArray(entry)
      ? entry[Math.min(calls, entry.length - 1)]!
      : entry;
    return answer;
  }

  private fail(stepIndex: number, expected: unknown, actual: unknown, text: ScenarioText): void {
    this.failures.push({
      stepIndex,
      expected,
      actual,
      message: renderScenarioText(text, 'en'),
      text,
    });
  }
}
