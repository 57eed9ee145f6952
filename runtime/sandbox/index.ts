// The local Messenger sandbox: a Graph API stand-in (point THREADLINE_GRAPH_URL at `url`) that
// also plays Messenger users against a runtime, for tests, the bench and `threadline sandbox`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE_INBOX_APP_ID } from '../config';
import { MESSENGER_RATE_LIMITS } from '../send/ratelimit';
import { handleControl } from './control';
import {
  FAILURES,
  PROFILE_FAILURES,
  type FailureName,
  type ProfileFailureName,
  type SandboxError,
} from './errors';
import { GraphRoutes, type SendRates } from './graph';
import { SandboxState, type GraphCall, type UserProfileFields } from './state';
import { SandboxUser } from './user';
import type { SeenMessage } from './view';

export type { SeenMessage } from './view';
export type { FailureName, ProfileFailureName } from './errors';
export { DEFAULT_USER_PROFILE, type GraphCall, type UserProfileFields } from './state';

export interface SandboxOptions {
  pageId: string;
  pageToken: string;
  appSecret: string;
  /** The app the runtime runs as; thread control returns to it. */
  appId?: string;
  runtimeUrl?: string;
  port?: number;
  host?: string;
  /** Per-Page Send API rates to enforce; null turns enforcement off (the bench). */
  rates?: SendRates | null;
  now?: () => number;
}

export interface Sandbox {
  /** The Graph API base URL, for THREADLINE_GRAPH_URL. */
  url: string;
  port: number;
  connect(runtimeUrl: string): void;
  user(psid: string): SandboxUser;
  /** Marks a user as having just written, for tests that craft webhook bodies by hand. */
  userWrote(psid: string): void;
  messages(psid: string): SeenMessage[];
  senderActions(psid: string): string[];
  handovers(psid: string): Record<string, unknown>[];
  profile(): Record<string, unknown>;
  profileCallCount(): number;
  calls(): readonly GraphCall[];
  /**
   * Fails the next `times` Send API calls (optionally only to one user) with a real error; the
   * profile-* failures fail User Profile API calls instead.
   */
  fail(
    failure: FailureName | ProfileFailureName | SandboxError,
    times?: number,
    psid?: string,
  ): void;
  /** What the User Profile API answers for this PSID (undefined: Graph does not know it). */
  userProfile(psid: string): UserProfileFields | undefined;
  setUserProfile(psid: string, profile: UserProfileFields): void;
  /** Makes the User Profile API answer after this many milliseconds. */
  delayUserProfiles(ms: number): void;
  /** Moves the sandbox's clock forward (the 24-hour window, event timestamps); returns the time. */
  advanceClock(ms: number): number;
  hold(): void;
  release(): void;
  waitForMessages(psid: string, count: number, timeoutMs?: number): Promise<SeenMessage[]>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const state = new SandboxState(
    options.pageId,
    options.appId ?? '1000000000000001',
    PAGE_INBOX_APP_ID,
    options.appSecret,
    options.pageToken,
    now,
  );
  if (options.runtimeUrl) state.connect(options.runtimeUrl);
  const graph = new GraphRoutes(
    state,
    options.rates === undefined ? MESSENGER_RATE_LIMITS : options.rates,
  );
  const users = new Map<string, SandboxUser>();
  const sandbox: Sandbox = {
    url: '',
    port: 0,
    connect: (url) => state.connect(url),
    user(psid) {
      let user = users.get(psid);
      if (!user) users.set(psid, (user = new SandboxUser(state, psid)));
      return user;
    },
    userWrote: (psid) => void state.tick(psid, true),
    messages: (psid) => state.messages(psid),
    senderActions: (psid) => state.actions(psid),
    handovers: (psid) => state.handovers(psid),
    profile: () => state.profile,
    profileCallCount: () => state.calls.filter((c) => c.path.endsWith('/messenger_profile')).length,
    calls: () => state.calls,
    fail(failure, times = 1, psid) {
      const queued = { remaining: times, ...(psid ? { psid } : {}) };
      if (typeof failure === 'string' && failure in PROFILE_FAILURES)
        state.profileFailures.push({
          ...queued,
          error: PROFILE_FAILURES[failure as ProfileFailureName],
        });
      else {
        const error = typeof failure === 'string' ? FAILURES[failure as FailureName] : failure;
        state.failures.push({ ...queued, error });
      }
    },
    userProfile: (psid) => state.userProfile(psid),
    setUserProfile: (psid, profile) => state.setUserProfile(psid, profile),
    delayUserProfiles: (ms) => void (state.profileDelayMs = ms),
    advanceClock: (ms) => state.advanceClock(ms),
    hold: () => graph.hold(),
    release: () => graph.release(),
    async waitForMessages(psid, count, timeoutMs = 5000) {
      await state.waitFor(
        () => state.messages(psid).length >= count,
        timeoutMs,
        () => `${count} messages to ${psid} (got ${state.messages(psid).length})`,
      );
      return state.messages(psid);
    },
    close: () =>
      new Promise<void>((resolve) => {
        graph.release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    void (async () => {
      if (await graph.handle(req, res, url)) return;
      if (await handleControl(sandbox, req, res, url)) return;
      res.writeHead(404, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          error: {
            message: `Unknown path ${url.pathname}`,
            type: 'GraphMethodException',
            code: 100,
          },
        }),
      );
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  sandbox.port = (server.address() as AddressInfo).port;
  sandbox.url = `http://127.0.0.1:${sandbox.port}`;
  return sandbox;
}
