// The working state of one turn. The input session is never mutated: the draft starts as a
// shallow copy and copies `variables` and `tags` only on their first write in the turn.
import type { CompiledFlow } from '../schema';
import type { EngineAction, LogText, TraceEntry } from './actions';
import { flowIndex, type FlowIndex } from './flowIndex';
import type { Session, VariableValue } from './session';

export interface StepContext {
  /** Milliseconds since the epoch, from the host's clock (a virtual one in simulations). */
  now: number;
  /** A number in [0, 1), from the host's (seedable) random source. */
  random: () => number;
}

export interface Draft {
  flow: CompiledFlow;
  index: FlowIndex;
  ctx: StepContext;
  session: Session;
  actions: EngineAction[];
  trace: TraceEntry[];
  /** Steps entered this turn, for the 100-step guard. */
  entered: number;
  ownVariables: boolean;
  ownTags: boolean;
  /** While answering a comment: the comment, and whether its one private reply went out. */
  privateReply?: { commentId: string; sent: boolean };
}

export function createDraft(flow: CompiledFlow, session: Session, ctx: StepContext): Draft {
  return {
    flow,
    index: flowIndex(flow),
    ctx,
    session: { ...session },
    actions: [],
    trace: [],
    entered: 0,
    ownVariables: false,
    ownTags: false,
  };
}

export function writeVariable(d: Draft, name: string, value: VariableValue | undefined): void {
  if (!d.ownVariables) {
    d.session.variables = { ...d.session.variables };
    d.ownVariables = true;
  }
  if (value === undefined) delete d.session.variables[name];
  else d.session.variables[name] = value;
}

export function writeTag(d: Draft, tag: string, present: boolean): void {
  const has = d.session.tags.includes(tag);
  if (has === present) return;
  if (!d.ownTags) {
    d.session.tags = [...d.session.tags];
    d.ownTags = true;
  }
  if (present) d.session.tags.push(tag);
  else d.session.tags.splice(d.session.tags.indexOf(tag), 1);
}

export function log(
  d: Draft,
  level: 'error' | 'warning' | 'info',
  code: string,
  message: string,
  step?: string,
  text?: LogText,
): void {
  d.actions.push({
    type: 'log',
    level,
    code,
    message,
    ...(step === undefined ? {} : { step }),
    ...(text === undefined ? {} : { text }),
  });
}
