// Hand-built compiled flows for the engine's unit tests (no compiler needed).
import type { CompiledFlow, CompiledStep, Entries } from '../schema';
import { step, type StepContext } from './step';
import { newSession, type Session } from './session';
import type { EngineEvent } from './events';
import type { EngineAction } from './actions';

type StepSpec = {
  [T in CompiledStep['type']]: Omit<Extract<CompiledStep, { type: T }>, 'outputs'> & {
    outputs?: Record<string, string>;
  };
}[CompiledStep['type']];

export function testFlow(
  steps: StepSpec[],
  options: {
    entries?: Partial<Entries>;
    disclosure?: string;
    defaultLocale?: string;
    variables?: CompiledFlow['variables'];
    revision?: string;
  } = {},
): CompiledFlow {
  return {
    format: 'threadline.compiled',
    version: 1,
    flowId: 'test',
    name: 'Test',
    revision: options.revision ?? 'a'.repeat(64),
    entries: { keywords: [], refs: [], ...options.entries },
    ...(options.disclosure !== undefined ? { disclosure: options.disclosure } : {}),
    ...(options.defaultLocale !== undefined ? { defaultLocale: options.defaultLocale } : {}),
    variables: options.variables ?? [],
    steps: steps.map((s) => ({ ...s, outputs: s.outputs ?? {} }) as CompiledStep),
  };
}

export const T0 = Date.UTC(2026, 0, 1, 12);

/** Plays events one after another, `at` milliseconds after T0 (default: one second apart). */
export class Player {
  session: Session;
  now = T0;
  constructor(
    readonly flow: CompiledFlow,
    user: Session['user'] = { id: 'psid-1', first_name: 'Anna' },
    readonly random: () => number = () => 0,
  ) {
    this.session = newSession(flow.revision, user);
  }
  send(event: EngineEvent, advanceMs = 1000) {
    this.now += advanceMs;
    const ctx: StepContext = { now: this.now, random: this.random };
    const result = step(this.flow, this.session, event, ctx);
    this.session = result.session;
    return result;
  }
  /** The texts (or card titles, media urls) of the messages among `actions`. */
  static texts(actions: EngineAction[]): string[] {
    return actions.flatMap((a) => {
      if (a.type === 'send_text') return [a.text];
      if (a.type === 'send_media') return [`[${a.mediaType} ${a.url}]`];
      if (a.type === 'send_cards') return [a.cards.map((c) => c.title).join(' | ')];
      return [];
    });
  }
}

export const text = (t: string): EngineEvent => ({ type: 'text', text: t });
export const getStarted: EngineEvent = { type: 'get_started' };
