// What the sandbox remembers: threads (who owns them, when the user last wrote), every message
// the Page sent, the applied profile, the users' own profiles, the failures queued for the next
// calls, and its clock (which a test may move forward).
import { viewMessage, type SeenMessage } from './view';
import type { SandboxError } from './errors';

type Obj = Record<string, unknown>;

interface Thread {
  lastUserAt: number;
  lastTimestamp: number;
  owner: string;
  messages: SeenMessage[];
  actions: string[];
  handovers: Obj[];
}

export interface QueuedFailure {
  error: SandboxError;
  remaining: number;
  psid?: string;
}

export interface GraphCall {
  path: string;
  status: number;
  at: number;
  code?: number;
  /** What the Send API and pass_thread_control calls carried (without the access token). */
  body?: Record<string, unknown>;
}

/** What the User Profile API answers for a user no script gave a profile. */
export const DEFAULT_USER_PROFILE = {
  first_name: 'Sam',
  last_name: 'Sandbox',
  locale: 'en_US',
} as const;

export interface UserProfileFields {
  first_name?: string;
  last_name?: string;
  locale?: string;
}

/** A comment a user made on one of the Page's posts, and whether the Page replied privately. */
export interface SandboxComment {
  commentId: string;
  postId: string;
  psid: string;
  text: string;
  at: number;
  replied: boolean;
}

export class SandboxState {
  private threads = new Map<string, Thread>();
  private comments = new Map<string, SandboxComment>();
  private nextComment = 1;
  private userProfiles = new Map<string, UserProfileFields>();
  /** Added to the real clock: POST /_sandbox/clock moves time forward. */
  private clockOffsetMs = 0;
  /** Injected User Profile API failures, apart from the Send API's. */
  profileFailures: QueuedFailure[] = [];
  /** Receipt order numbers already sent: Graph wants each one unique (docs/messenger.md §2.5). */
  readonly orderNumbers = new Set<string>();
  /** How long the User Profile API takes to answer (tests of a slow Graph). */
  profileDelayMs = 0;
  private waiters = new Set<() => void>();
  readonly calls: GraphCall[] = [];
  profile: Obj = {};
  profileCalls: number[] = [];
  failures: QueuedFailure[] = [];
  private nextMid = 1;
  private runtime: string | undefined;

  constructor(
    readonly pageId: string,
    readonly appId: string,
    readonly inboxAppId: string,
    readonly appSecret: string,
    readonly pageToken: string,
    private clock: () => number,
  ) {}

  now(): number {
    return this.clock() + this.clockOffsetMs;
  }
  advanceClock(ms: number): number {
    this.clockOffsetMs += ms;
    return this.now();
  }

  setUserProfile(psid: string, profile: UserProfileFields): void {
    this.userProfiles.set(psid, profile);
  }
  /** The profile the User Profile API shows, or undefined for a PSID Messenger never issued. */
  userProfile(psid: string): UserProfileFields | undefined {
    return this.userProfiles.get(psid) ?? (this.known(psid) ? DEFAULT_USER_PROFILE : undefined);
  }

  runtimeUrl(): string {
    if (!this.runtime) throw new Error('the sandbox is not connected to a runtime (connect(url))');
    return this.runtime;
  }
  connect(url: string): void {
    this.runtime = url.replace(/\/+$/, '');
  }

  thread(psid: string): Thread {
    let t = this.threads.get(psid);
    if (!t) {
      t = {
        lastUserAt: -Infinity,
        lastTimestamp: 0,
        owner: this.appId,
        messages: [],
        actions: [],
        handovers: [],
      };
      this.threads.set(psid, t);
    }
    return t;
  }
  known(psid: string): boolean {
    return this.threads.has(psid);
  }

  /** A strictly increasing timestamp for the user's next event. */
  tick(psid: string, fromUser: boolean): number {
    const t = this.thread(psid);
    t.lastTimestamp = Math.max(this.now(), t.lastTimestamp + 1);
    if (fromUser) t.lastUserAt = t.lastTimestamp;
    return t.lastTimestamp;
  }

  owner(psid: string): string {
    return this.thread(psid).owner;
  }
  setOwner(psid: string, appId: string): void {
    this.thread(psid).owner = appId;
  }

  /** A new comment by `psid` (its thread exists from now on: the user is known to the Page). */
  addComment(psid: string, postId: string, text: string): SandboxComment {
    this.thread(psid);
    const comment: SandboxComment = {
      commentId: `${postId}_${this.nextComment++}`,
      postId,
      psid,
      text,
      at: this.now(),
      replied: false,
    };
    this.comments.set(comment.commentId, comment);
    return comment;
  }
  comment(commentId: string): SandboxComment | undefined {
    return this.comments.get(commentId);
  }

  recordMessage(psid: string, body: Obj): string {
    const mid = `m_page_${this.nextMid++}`;
    this.thread(psid).messages.push(viewMessage(body, mid, this.now()));
    this.notify();
    return mid;
  }
  recordAction(psid: string, action: string): void {
    this.thread(psid).actions.push(action);
  }
  recordHandover(psid: string, body: Obj): void {
    this.thread(psid).handovers.push(body);
    this.notify();
  }

  messages(psid: string): SeenMessage[] {
    return this.threads.get(psid)?.messages ?? [];
  }
  actions(psid: string): string[] {
    return this.threads.get(psid)?.actions ?? [];
  }
  handovers(psid: string): Obj[] {
    return this.threads.get(psid)?.handovers ?? [];
  }
  users(): string[] {
    return [...this.threads.keys()];
  }

  /** The payload of the default locale's ice breaker with this question (either format). */
  iceBreaker(question: string): string | undefined {
    const blocks = (this.profile.ice_breakers ?? []) as Obj[];
    const modern = blocks.some((b) => b.call_to_actions !== undefined);
    const list = modern
      ? ((blocks.find((b) => b.locale === 'default')?.call_to_actions ?? []) as Obj[])
      : blocks;
    const item = list.find((q) => q.question === question);
    return typeof item?.payload === 'string' ? item.payload : undefined;
  }

  getStartedPayload(): string | undefined {
    const gs = this.profile.get_started as { payload?: string } | undefined;
    return gs?.payload;
  }
  menuItem(title: string): string | undefined {
    const menus = (this.profile.persistent_menu ?? []) as {
      locale?: string;
      call_to_actions?: Obj[];
    }[];
    const menu = menus.find((m) => m.locale === 'default');
    const item = menu?.call_to_actions?.find((c) => c.type === 'postback' && c.title === title);
    return typeof item?.payload === 'string' ? item.payload : undefined;
  }

  /** The next injected failure for a call to this user, if one is queued. */
  takeFailure(psid: string, queue: QueuedFailure[] = this.failures): SandboxError | undefined {
    const index = queue.findIndex((f) => f.remaining > 0 && (!f.psid || f.psid === psid));
    if (index < 0) return undefined;
    const failure = queue[index]!;
    failure.remaining--;
    if (failure.remaining === 0) queue.splice(index, 1);
    return failure.error;
  }

  /** Resolves when `ready()` holds, re-checked after every recorded send. */
  waitFor(ready: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`sandbox: timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
