// The diff between two compiled flows (docs/format.md §3): what a publish changes, and which
// waiting sessions it strands.
export * from './schema';
export { diffCompiledFlows, diffFlows, isEmptyDiff } from './semantic';
export { isWaitingStep, strandedWaits } from './stranded';
