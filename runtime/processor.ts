// The narrow interface between the runtime's plumbing and the engine: one stored event in, the
// session to store, the rows to send, the next wake-up and the statistics out. The plumbing
// (webhook, lanes, outbox, scheduler) knows nothing of flows beyond this.
import type { UserProfile } from '../flows/engine';
import type {
  ActiveFlow,
  NewOutbox,
  SessionRecord,
  StatIncrement,
  StoredEvent,
} from './store/types';

export interface TurnInput {
  flow: ActiveFlow | undefined;
  session: SessionRecord;
  event: StoredEvent;
  now: number;
  /** The subscriber's profile (User Profile API) for the user_* variables, when one is known. */
  user?: Omit<UserProfile, 'id'>;
}

export interface TurnResult {
  /** `skipped` when the event meant nothing to the flow (a stale timer, no active flow). */
  status: 'done' | 'skipped';
  state: unknown | null;
  wakeAt: number | null;
  outbox: NewOutbox[];
  stats: StatIncrement[];
  /** Why a start (broadcast, start-flow API) sends nothing: `outside-window`, `handover`, ... */
  skipReason?: string;
}

export interface Processor {
  run(input: TurnInput): Promise<TurnResult>;
}
