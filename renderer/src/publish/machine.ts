// The publish dialog's state machine: lint, compile, compare with the published revision, then
// (after the user confirms) upload. Pure: the driver (runPublish.ts) performs each step and
// reports it here as an event, so every transition is tested without a DOM or a runtime.
import { t } from '../i18n';
import type { CompiledFlow } from '../../../flows/schema';
import type { LintText } from '../../../flows';
import { diffCompiledFlows, strandedWaits, type FlowDiff, type StrandedWait } from '../../../flows';

export const PUBLISH_STEPS = ['lint', 'compile', 'compare', 'upload'] as const;
export type PublishStep = (typeof PUBLISH_STEPS)[number];
export type StepStatus = 'waiting' | 'running' | 'done' | 'failed';

/** One lint finding as the dialog lists it. */
export interface FindingLine {
  nodeId: string | null;
  code: string;
  /** In English; `text` gives it in the designer's language (i18n/lint.ts). */
  message: string;
  text?: LintText;
}

/** Why publishing stopped: `connection` failures offer the connection form. */
export interface PublishFailure {
  kind: 'lint' | 'connection' | 'runtime';
  title: string;
  lines: string[];
}

/** What the runtime has now; `flow` is null when the runtime did not say what it holds. */
export interface PublishedRevision {
  revision: string;
  flow: CompiledFlow | null;
}

export interface PublishState {
  phase: 'running' | 'review' | 'done' | 'failed';
  steps: Record<PublishStep, StepStatus>;
  warnings: FindingLine[];
  errors: FindingLine[];
  compiled: CompiledFlow | null;
  /** The active revision before this publish, null when the flow was never published. */
  previous: PublishedRevision | null;
  /** Null when the previous revision's content is unknown. */
  diff: FlowDiff | null;
  /**
   * The waiting nodes of the published revision that this publish removes or changes so that
   * their waits are stranded, each with how many sessions wait there (null: the runtime did not
   * say). Only nodes with waiting sessions, or all of them when the counts are unknown.
   */
  stranded: (StrandedWait & { waiting: number | null })[];
  /** Where the sessions waiting at a stranded node go: a node of the new revision, or null (end). */
  moves: Record<string, string | null>;
  /** The new revision after a successful upload. */
  revision: string | null;
  failure: PublishFailure | null;
}

export type PublishEvent =
  | { type: 'linted'; errors: FindingLine[]; warnings: FindingLine[] }
  | { type: 'compiled'; compiled: CompiledFlow }
  | {
      type: 'compared';
      previous: PublishedRevision | null;
      /** Sessions waiting per node of the published revision (GET /waiting); null: unknown. */
      waiting?: Record<string, number> | null;
    }
  | { type: 'moved'; from: string; to: string | null | undefined }
  | { type: 'confirmed' }
  | { type: 'uploaded'; revision: string }
  | { type: 'failed'; failure: PublishFailure };

export function startPublish(): PublishState {
  return {
    phase: 'running',
    steps: { lint: 'running', compile: 'waiting', compare: 'waiting', upload: 'waiting' },
    warnings: [],
    errors: [],
    compiled: null,
    previous: null,
    diff: null,
    stranded: [],
    moves: {},
    revision: null,
    failure: null,
  };
}

/** The step running now (or that was running when publishing failed). */
export function currentStep(state: PublishState): PublishStep | null {
  return (
    PUBLISH_STEPS.find((s) => state.steps[s] === 'running' || state.steps[s] === 'failed') ?? null
  );
}

export function publishReducer(state: PublishState, event: PublishEvent): PublishState {
  switch (event.type) {
    case 'linted': {
      if (!isRunning(state, 'lint')) return state;
      const base = { ...state, errors: event.errors, warnings: event.warnings };
      if (event.errors.length === 0) return advance(base, 'lint', 'compile');
      return fail(base, {
        kind: 'lint',
        title: t('publishFailure.lintErrors', { count: event.errors.length }),
        lines: [],
      });
    }
    case 'compiled':
      if (!isRunning(state, 'compile')) return state;
      return advance({ ...state, compiled: event.compiled }, 'compile', 'compare');
    case 'compared': {
      if (!isRunning(state, 'compare') || !state.compiled) return state;
      const prevFlow = event.previous?.flow ?? null;
      const diff = event.previous && !prevFlow ? null : diffCompiledFlows(prevFlow, state.compiled);
      const counts = event.waiting ?? null;
      const stranded =
        diff && prevFlow
          ? strandedWaits(diff, prevFlow)
              .map((w) => ({ ...w, waiting: counts ? (counts[w.nodeId] ?? 0) : null }))
              .filter((w) => w.waiting === null || w.waiting > 0)
          : [];
      // Sessions at a removed node have nowhere to go on: they end their wait unless the user
      // picks a node. At a changed node they stay unless the user moves them. A runtime that
      // does not count waiting sessions may not take moves either: nothing is chosen for it.
      const moves = counts
        ? Object.fromEntries(
            stranded.filter((w) => w.reason === 'removed').map((w) => [w.nodeId, null]),
          )
        : {};
      return {
        ...state,
        phase: 'review',
        steps: { ...state.steps, compare: 'done' },
        previous: event.previous,
        diff,
        stranded,
        moves,
      };
    }
    case 'moved': {
      if (state.phase !== 'review' || !state.stranded.some((w) => w.nodeId === event.from))
        return state;
      const moves = { ...state.moves };
      if (event.to === undefined) delete moves[event.from];
      else moves[event.from] = event.to;
      return { ...state, moves };
    }
    case 'confirmed':
      if (state.phase !== 'review') return state;
      return { ...state, phase: 'running', steps: { ...state.steps, upload: 'running' } };
    case 'uploaded':
      if (!isRunning(state, 'upload')) return state;
      return {
        ...state,
        phase: 'done',
        steps: { ...state.steps, upload: 'done' },
        revision: event.revision,
      };
    case 'failed': {
      const step = currentStep(state);
      if (state.phase !== 'running' || !step) return state;
      return fail(state, event.failure);
    }
  }
}

function isRunning(state: PublishState, step: PublishStep): boolean {
  return state.phase === 'running' && state.steps[step] === 'running';
}

function advance(state: PublishState, done: PublishStep, next: PublishStep): PublishState {
  return { ...state, steps: { ...state.steps, [done]: 'done', [next]: 'running' } };
}

function fail(state: PublishState, failure: PublishFailure): PublishState {
  const step = currentStep(state);
  const steps = step ? { ...state.steps, [step]: 'failed' as const } : state.steps;
  return { ...state, phase: 'failed', steps, failure };
}

/** The first seven hex digits, as revisions are shown to people. */
export const shortRevision = (revision: string) => revision.slice(0, 7);
