// The conversation engine's public API (FORMAT §2).
export { step, type StepResult, type StepContext } from './step';
export { MAX_STEPS_PER_TURN } from './run';
export { DEFAULT_MAX_RETRIES } from './input';
export * from './session';
export * from './events';
export * from './actions';
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
