// A simulated chat with a virtual clock, shared by `threadline chat`, the scenario runner and the
// designer's simulator panel. It keeps every turn (event, actions, session after) so the designer
// can travel back in time. HTTP steps are answered by an injected resolver; the core is written
// as generators that yield each request, so the same code runs with sync and async resolvers.
import type { CompiledFlow } from '../schema';
import type { ActionOfType, EngineAction, TraceEntry } from './actions';
import { isUserEvent, type EngineEvent } from './events';
import { seededRandom, type SeededRandom } from './random';
import { newSession, type Session, type UserProfile } from './session';
import { step } from './step';

/** Monday 2026-01-05 09:00 UTC: simulations start at a fixed, reproducible time. */
export const SIMULATION_START = Date.UTC(2026, 0, 5, 9);
/** Each user event happens a second after the previous one. */
export const USER_STEP_MS = 1000;
const MAX_CHAINED_REQUESTS = 100;

export type HttpRequestAction = ActionOfType<'http_request'>;
export interface HttpAnswerLike {
  status?: number;
  body?: unknown;
  error?: string;
}

export interface SimulatorTurn {
  event: EngineEvent;
  /** Virtual time of the turn (ms epoch). */
  at: number;
  actions: EngineAction[];
  trace: TraceEntry[];
  session: Session;
  /** The random source's state after the turn, to resume it on rewind. */
  randomState: number;
}

export interface SimulatorOptions {
  user?: Partial<UserProfile>;
  seed?: number;
  start?: number;
  http?: (request: HttpRequestAction) => Promise<HttpAnswerLike>;
}

type Drive = Generator<HttpRequestAction, SimulatorTurn[], HttpAnswerLike>;

export class ChatSimulator {
  session!: Session;
  now!: number;
  turns: SimulatorTurn[] = [];
  private rng!: SeededRandom;

  constructor(
    public flow: CompiledFlow,
    private readonly options: SimulatorOptions = {},
  ) {
    this.restart();
  }

  restart(): void {
    const user: UserProfile = { id: 'simulated-user', ...this.options.user };
    this.session = newSession(this.flow.revision, user);
    this.now = this.options.start ?? SIMULATION_START;
    this.rng = seededRandom(this.options.seed ?? 1);
    this.turns = [];
  }

  /** Continues the same session on another revision, as after republishing. */
  republish(flow: CompiledFlow): void {
    this.flow = flow;
  }

  /** Back to the state after the first `count` turns (0: a fresh start). */
  rewind(count: number): void {
    const kept = this.turns.slice(0, Math.max(0, count));
    const last = kept[kept.length - 1];
    if (!last) return this.restart();
    this.turns = kept;
    this.session = last.session;
    this.now = last.at;
    this.rng = seededRandom(last.randomState);
  }

  /** One engine step, recorded; HTTP requests it asks for are left to the caller. */
  apply(event: EngineEvent): SimulatorTurn {
    if (isUserEvent(event)) this.now += USER_STEP_MS;
    const result = step(this.flow, this.session, event, { now: this.now, random: this.rng.next });
    this.session = result.session;
    const turn = { event, at: this.now, ...result, randomState: this.rng.state() };
    this.turns.push(turn);
    return turn;
  }

  pendingDelay(): { step: string; dueAt: number } | null {
    const wait = this.session.wait;
    return wait?.kind === 'delay' ? { step: wait.step, dueAt: wait.dueAt } : null;
  }

  isHandedOver(): boolean {
    return this.session.wait?.kind === 'handover';
  }

  send(event: EngineEvent): Promise<SimulatorTurn[]> {
    return this.resolveAsync(this.drive(event));
  }

  /** Jumps the clock to the pending delay and runs it. */
  skipDelay(): Promise<SimulatorTurn[]> {
    const delay = this.pendingDelay();
    return this.advance(delay ? (delay.dueAt - this.now) / 1000 : 0);
  }

  /** Advances the clock; delays that fall due run, in order. */
  advance(seconds: number): Promise<SimulatorTurn[]> {
    return this.resolveAsync(this.advancing(seconds));
  }

  sendSync(event: EngineEvent, http: (r: HttpRequestAction) => HttpAnswerLike): SimulatorTurn[] {
    return resolveSync(this.drive(event), http);
  }

  advanceSync(seconds: number, http: (r: HttpRequestAction) => HttpAnswerLike): SimulatorTurn[] {
    return resolveSync(this.advancing(seconds), http);
  }

  private *drive(event: EngineEvent): Drive {
    const turns: SimulatorTurn[] = [];
    let next: EngineEvent | null = event;
    for (let i = 0; next && i <= MAX_CHAINED_REQUESTS; i++) {
      const turn = this.apply(next);
      turns.push(turn);
      const request = turn.actions.find((a): a is HttpRequestAction => a.type === 'http_request');
      if (!request) break;
      const answer = yield request;
      next = { type: 'http_result', requestId: request.requestId, ...answer };
    }
    return turns;
  }

  private *advancing(seconds: number): Drive {
    const target = this.now + Math.max(0, seconds) * 1000;
    const turns: SimulatorTurn[] = [];
    for (
      let delay = this.pendingDelay();
      delay && delay.dueAt <= target;
      delay = this.pendingDelay()
    ) {
      this.now = Math.max(this.now, delay.dueAt);
      turns.push(...(yield* this.drive({ type: 'resume', step: delay.step, dueAt: delay.dueAt })));
    }
    this.now = Math.max(this.now, target);
    return turns;
  }

  private async resolveAsync(drive: Drive): Promise<SimulatorTurn[]> {
    const http = this.options.http ?? (async () => ({ error: 'no HTTP in this simulation' }));
    let next = drive.next();
    while (!next.done) next = drive.next(await http(next.value));
    return next.value;
  }
}

function resolveSync(
  drive: Drive,
  http: (r: HttpRequestAction) => HttpAnswerLike,
): SimulatorTurn[] {
  let next = drive.next();
  while (!next.done) next = drive.next(http(next.value));
  return next.value;
}
