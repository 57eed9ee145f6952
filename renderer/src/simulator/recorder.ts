// Turns a simulated chat into a scenario file (FORMAT §4): each tester event becomes a `send`,
// every message the bot sent after it an `expect`, skipped delays a `wait`, and the HTTP answers
// the chat got (real, canned or typed in) the scenario's canned `http` answers, so the recording
// replays offline exactly as it ran.
import type { SimulatorTurn } from '../../../flows/engine/simulator';
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type ExpectedMessage,
  type HttpAnswer,
  type Scenario,
  type ScenarioStep,
} from '../../../flows/scenario/schema';
import { seenMessages } from '../../../flows/scenario/transcript';
import { scenarioSend } from './userEvents';

export interface RecordOptions {
  name: string;
  /** The flow file's name, relative to the scenario (they are saved side by side). */
  flowFile: string;
  user: Scenario['user'];
  seed: number;
}

export function recordScenario(turns: readonly SimulatorTurn[], options: RecordOptions): Scenario {
  const steps: ScenarioStep[] = [];
  const http: Record<string, HttpAnswer[]> = {};
  const requestSteps = new Map<string, string>();
  let expected: ExpectedMessage[] | null = null;
  const flush = () => {
    if (expected) steps.push({ expect: expected });
    expected = null;
  };
  turns.forEach((turn, index) => {
    const { event } = turn;
    if (event.type === 'resume') {
      flush();
      const previous = turns[index - 1]?.at ?? turn.at;
      steps.push({ wait: Math.max(0, (turn.at - previous) / 1000) });
      expected = [];
    } else if (event.type === 'http_result') {
      const step = requestSteps.get(event.requestId);
      if (step) (http[step] ??= []).push(httpAnswer(event));
    } else {
      const send = scenarioSend(event);
      if (send) {
        flush();
        steps.push({ send });
        expected = [];
      }
    }
    for (const action of turn.actions)
      if (action.type === 'http_request') requestSteps.set(action.requestId, action.step);
    expected?.push(...(seenMessages(turn.actions) as ExpectedMessage[]));
  });
  flush();
  const last = turns[turns.length - 1];
  if (last) {
    steps.push({ expectVars: { ...last.session.variables } });
    steps.push({ expectTags: [...last.session.tags] });
  }
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    flow: options.flowFile,
    name: options.name,
    ...(options.user ? { user: options.user } : {}),
    seed: options.seed,
    ...(Object.keys(http).length ? { http } : {}),
    steps,
  };
}

function httpAnswer(event: { status?: number; body?: unknown; error?: string }): HttpAnswer {
  if (event.error !== undefined || event.status === undefined)
    return { error: event.error ?? 'no answer' };
  return event.body === undefined ? { status: event.status } : { status: event.status, body: event.body };
}
