// Scenario files: schema, runner, coverage and recording (docs/format.md §4).
export * from './schema';
export {
  runScenario,
  SCENARIO_USER_ID,
  type ScenarioFailure,
  type ScenarioResult,
  type RunScenarioOptions,
} from './runner';
export {
  coverageOf,
  coverageTotals,
  stepHandles,
  type FlowCoverage,
  type CoverageReport,
  type CoverageTotals,
} from './coverage';
export { scenarioFromTurns, type RecordOptions } from './record';
export { seenMessages, seenMessage, type SeenMessage } from './transcript';
export { mismatch } from './match';
export {
  SCENARIO_TEXT,
  renderScenarioText,
  scenarioMessage,
  scenarioText,
  type ScenarioLanguage,
  type ScenarioParam,
  type ScenarioText,
  type ScenarioTextKey,
} from './text';
