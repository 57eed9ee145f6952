// Saves a simulated chat as a scenario (docs/format.md §4) with flows/scenario's recorder, adding what a
// designer chat has beyond a terminal one: the HTTP answers it got (real, canned or typed in) as
// the scenario's canned `http` answers, so the recording replays offline exactly as it ran, and
// the final variables and tags as checks (left out when the tester edited them by hand, since a
// scenario cannot replay such edits).
import type { SimulatorTurn } from '../../../flows/engine';
import { scenarioFromTurns, type HttpAnswer, type Scenario } from '../../../flows/scenario';

export interface RecordOptions {
  name: string;
  /** The flow file's name, relative to the scenario (they are saved side by side). */
  flowFile: string;
  user: NonNullable<Scenario['user']>;
  seed: number;
  /** Whether the tester edited variables or tags by hand during the chat. */
  edited: boolean;
}

export function recordScenario(turns: readonly SimulatorTurn[], options: RecordOptions): Scenario {
  const scenario = scenarioFromTurns([...turns], {
    flow: options.flowFile,
    name: options.name,
    user: options.user,
    seed: options.seed,
  });
  const http = httpAnswers(turns);
  const last = turns[turns.length - 1];
  const checks =
    last && !options.edited
      ? [{ expectVars: { ...last.session.variables } }, { expectTags: [...last.session.tags] }]
      : [];
  return {
    ...scenario,
    ...(Object.keys(http).length ? { http } : {}),
    steps: [...scenario.steps, ...checks],
  };
}

/** The answers each HTTP node got, in order, keyed by node id. */
function httpAnswers(turns: readonly SimulatorTurn[]): Record<string, HttpAnswer[]> {
  const stepOf = new Map<string, string>();
  const answers: Record<string, HttpAnswer[]> = {};
  for (const { event, actions } of turns) {
    if (event.type === 'http_result') {
      const step = stepOf.get(event.requestId);
      if (step) (answers[step] ??= []).push(toAnswer(event));
    }
    for (const action of actions)
      if (action.type === 'http_request') stepOf.set(action.requestId, action.step);
  }
  return answers;
}

function toAnswer(event: { status?: number; body?: unknown; error?: string }): HttpAnswer {
  if (event.error !== undefined || event.status === undefined)
    return { error: event.error ?? 'no answer' };
  return event.body === undefined
    ? { status: event.status }
    : { status: event.status, body: event.body };
}
