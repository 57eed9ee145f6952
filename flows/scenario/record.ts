// Turns a recorded chat (the simulator's turns) into a scenario file (docs/format.md §4): each user event
// becomes a `send`, followed by an `expect` of exactly what the bot sent; resumed delays become
// `wait`s. Replaying the result against the same flow passes.
import type { EngineEvent } from '../engine/events';
import { SIMULATION_START, USER_STEP_MS, type SimulatorTurn } from '../engine/simulator';
import { decodePayload } from '../messenger/payload';
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type ExpectedMessage,
  type HttpAnswer,
  type Scenario,
  type ScenarioSend,
  type ScenarioStep,
} from './schema';
import { seenMessages } from './transcript';

export interface RecordOptions {
  flow: string;
  name: string;
  user?: Scenario['user'];
  seed?: number;
  /** The simulation's start time, to turn the first delay into a wait. */
  start?: number;
}

export function scenarioFromTurns(turns: SimulatorTurn[], options: RecordOptions): Scenario {
  const steps: ScenarioStep[] = [];
  let clock = options.start ?? SIMULATION_START;
  let pending: ExpectedMessage[] | null = null;
  const flush = () => {
    if (pending) steps.push({ expect: pending });
    pending = null;
  };
  /** Which card a postback payload was on, to tell same-titled carousel buttons apart. */
  const cardOf = new Map<string, string>();
  for (const turn of turns) {
    const send = sendOf(turn.event);
    if (send && 'button' in send && turn.event.type === 'postback') {
      const card = cardOf.get(turn.event.payload);
      if (card !== undefined) send.card = card;
    }
    for (const a of turn.actions)
      if (a.type === 'send_cards')
        for (const c of a.cards)
          for (const b of c.buttons ?? [])
            if (b.type === 'postback') cardOf.set(b.payload, c.title);
    if (send) {
      flush();
      steps.push({ send });
      clock += USER_STEP_MS;
      pending = [];
    } else if (turn.event.type === 'resume') {
      if (turn.at > clock) {
        flush();
        steps.push({ wait: (turn.at - clock) / 1000 });
        pending = [];
      }
      clock = turn.at;
    }
    pending ??= [];
    pending.push(...seenMessages(turn.actions).map(expected));
  }
  flush();
  const http = httpAnswers(turns);
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    flow: options.flow,
    name: options.name,
    ...(options.user ? { user: options.user } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(Object.keys(http).length ? { http } : {}),
    steps,
  };
}

/** The answers each http step got, in order and keyed by node id, so the replay gets them too. */
function httpAnswers(turns: SimulatorTurn[]): Record<string, HttpAnswer[]> {
  const stepOf = new Map<string, string>();
  const answers: Record<string, HttpAnswer[]> = {};
  for (const { event, actions } of turns) {
    const step = event.type === 'http_result' ? stepOf.get(event.requestId) : undefined;
    if (step !== undefined && event.type === 'http_result')
      (answers[step] ??= []).push(
        event.error !== undefined || event.status === undefined
          ? { error: event.error ?? 'no answer' }
          : { status: event.status, ...(event.body !== undefined ? { body: event.body } : {}) },
      );
    for (const action of actions)
      if (action.type === 'http_request') stepOf.set(action.requestId, action.step);
  }
  return answers;
}

function expected(m: ReturnType<typeof seenMessages>[number]): ExpectedMessage {
  return { ...m };
}

function sendOf(event: EngineEvent): ScenarioSend | null {
  switch (event.type) {
    case 'text':
      return { text: event.text };
    case 'quick_reply':
      // user_email / user_phone_number replies carry the address itself, as if typed.
      if (decodePayload(event.payload) === null) return { text: event.text ?? event.payload };
      return { quickReply: event.text ?? event.payload };
    case 'postback': {
      const payload = decodePayload(event.payload);
      const title = event.title ?? event.payload;
      if (payload?.kind === 'menu') return { menu: title };
      if (payload?.kind === 'ice') return { iceBreaker: title };
      if (payload?.kind === 'get_started') return { getStarted: true };
      return { button: title };
    }
    case 'attachment': {
      const more = event.more?.map((a) => ({ type: a.attachmentType, url: a.url }));
      return {
        attachment: { type: event.attachmentType, url: event.url, ...(more ? { more } : {}) },
      };
    }
    case 'other_message':
    case 'handover_taken':
      return null;
    case 'get_started':
      return { getStarted: true };
    case 'referral':
      return { ref: event.ref };
    case 'handover_returned':
      return { handBack: true };
    case 'comment':
      return { comment: event.text, postId: event.postId };
    case 'resume':
    case 'http_result':
    case 'start':
      return null;
  }
}
