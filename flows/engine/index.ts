// The conversation engine's public API (docs/format.md §2).
//
// How a host drives it: keep one Session per user (newSession on first contact, migrateSession
// when loading it back); for each event call step(flow, session, event, { now, random }), store
// the returned session, and perform the actions in order: send_* and typing through the Send API
// (flows/messenger/send.ts), waiting `pause.ms` between them; `handover` as pass_thread_control;
// `take_thread_control` as that call (flows/messenger/handover.ts), before the replies after it;
// `schedule_resume` by stepping again with { type: 'resume', step, dueAt } once dueAt has passed;
// `http_request` by performing it and stepping again at once with an `http_result` carrying its
// requestId; `log` into the host's log; `dropped` (a reply outside Messenger's 24-hour window)
// never, only counted or shown as not delivered. ChatSimulator does all of this with a virtual clock.
export { step, type StepResult, type StepContext } from './step';
export { MAX_STEPS_PER_TURN } from './run';
export { DEFAULT_MAX_RETRIES } from './input';
export { builtinValue } from './variables';
export * from './session';
export * from './sessionMigrations';
export * from './events';
export * from './actions';
export { windowOpen, MESSAGING_WINDOW_MS, DROP_REASON_TEXT } from './window';
export { seededRandom, type SeededRandom } from './random';
export { validateAnswer, parseNumber, parsePhone, parseUrl } from './validate';
export { parseDate } from './dates';
export {
  ChatSimulator,
  SIMULATION_START,
  USER_STEP_MS,
  type SimulatorTurn,
  type SimulatorOptions,
  type HttpAnswerLike,
  type HttpRequestAction,
} from './simulator';
