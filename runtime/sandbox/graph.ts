// The sandbox's Graph API routes: Send API, Messenger Profile API, User Profile API and the
// handover calls (pass, take, request thread control), with the real API's checks (token,
// fields, limits, window, thread owner, rate) and error shapes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/body';
import { sendJson } from '../http/respond';
import { secretsEqual } from '../http/signature';
import {
  ALREADY_REPLIED,
  REPLY_TOO_LATE,
  badParam,
  errorBody,
  FAILURES,
  NO_USER,
  PROFILE_RATE_LIMIT,
  THREAD_OWNED,
  unsupportedGet,
  type SandboxError,
} from './errors';
import { validateProfile } from './profile';
import type { SandboxState } from './state';
import { validateSend } from './validate';

type Obj = Record<string, unknown>;

export interface SendRates {
  textPerSecond: number;
  mediaPerSecond: number;
}

const WINDOW_MS = 24 * 60 * 60 * 1000;
const PRIVATE_REPLY_MS = 7 * 24 * 60 * 60 * 1000;
const PROFILE_CALLS = { max: 10, windowMs: 10 * 60 * 1000 };
const APP_ROUTE = /^(?:\/v\d+\.\d+)?\/app$/;
const ROUTE =
  /^(?:\/v\d+\.\d+)?\/([^/]+)\/(messages|messenger_profile|pass_thread_control|take_thread_control|request_thread_control)$/;
/** `GET /{psid}`: the User Profile API (docs/messenger.md §7). */
const NODE_ROUTE = /^(?:\/v\d+\.\d+)?\/([^/_][^/]*)$/;
const PROFILE_FIELDS = ['id', 'name', 'first_name', 'last_name', 'profile_pic', 'locale'];

export class GraphRoutes {
  private second = 0;
  private counts = { text: 0, media: 0 };
  private holding = false;
  private held: (() => void)[] = [];

  constructor(
    private state: SandboxState,
    private rates: SendRates | null,
  ) {}

  /** Holds Send API calls unanswered until release(); a caller that gives up is never recorded. */
  hold(): void {
    this.holding = true;
  }
  release(): void {
    this.holding = false;
    for (const resume of this.held.splice(0)) resume();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    // GET /app with the Page token: the app the token belongs to (the runtime learns its id).
    if (APP_ROUTE.test(url.pathname) && req.method === 'GET') {
      const token = url.searchParams.get('access_token') ?? '';
      const bad = FAILURES['bad-token'];
      if (!secretsEqual(token, this.state.pageToken))
        this.answer(res, url.pathname, bad.status, errorBody(bad), bad.code);
      else
        this.answer(res, url.pathname, 200, {
          id: this.state.appId,
          name: 'Threadline sandbox app',
        });
      return true;
    }
    const user = NODE_ROUTE.exec(url.pathname);
    if (user && req.method === 'GET') return (await this.userProfile(res, url, user[1]!), true);
    const match = ROUTE.exec(url.pathname);
    if (!match) return false;
    const [, node, edge] = match;
    const fail = (e: SandboxError) =>
      this.answer(res, url.pathname, e.status, errorBody(e), e.code);
    const read = await readBody(req, 1024 * 1024);
    if (!read.ok) return (fail(badParam('The request body is too large')), true);
    let body: Obj = {};
    try {
      body = read.body.length ? (JSON.parse(read.body.toString('utf8')) as Obj) : {};
    } catch {
      return (fail(badParam('Invalid JSON in the request body')), true);
    }
    const token =
      url.searchParams.get('access_token') ??
      (typeof body.access_token === 'string' ? body.access_token : '');
    if (!secretsEqual(token, this.state.pageToken)) return (fail(FAILURES['bad-token']), true);
    if (node !== 'me' && node !== this.state.pageId)
      return (
        fail(badParam(`Unsupported post request. Object with ID '${node}' does not exist`)),
        true
      );
    if (edge === 'messages') await this.messages(req, res, url.pathname, body);
    else if (edge === 'messenger_profile') this.profile(req, res, url, body);
    else if (edge === 'pass_thread_control') this.passThread(res, url.pathname, body);
    else this.threadControl(res, url.pathname, body, edge === 'take_thread_control');
    return true;
  }

  private async userProfile(res: ServerResponse, url: URL, rawId: string) {
    const path = url.pathname;
    const fail = (e: SandboxError) => this.answer(res, path, e.status, errorBody(e), e.code);
    if (!secretsEqual(url.searchParams.get('access_token') ?? '', this.state.pageToken))
      return fail(FAILURES['bad-token']);
    if (this.state.profileDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.state.profileDelayMs));
    const psid = decodeURIComponent(rawId);
    const profile = this.state.userProfile(psid);
    if (!profile) return fail(unsupportedGet(psid));
    const injected = this.state.takeFailure(psid, this.state.profileFailures);
    if (injected) return fail(injected);
    const fields = (url.searchParams.get('fields') ?? 'first_name,last_name,profile_pic')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = fields.find((f) => !PROFILE_FIELDS.includes(f));
    if (unknown)
      return fail({
        ...badParam(`Tried accessing nonexisting field (${unknown}) on node type (User)`),
        type: 'OAuthException',
      });
    const all: Obj = {
      ...profile,
      name: [profile.first_name, profile.last_name].filter(Boolean).join(' '),
      profile_pic: `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${encodeURIComponent(psid)}`,
    };
    const answer: Obj = { id: psid };
    for (const f of fields) if (all[f] !== undefined && f !== 'id') answer[f] = all[f];
    this.answer(res, path, 200, answer);
  }

  private async messages(req: IncomingMessage, res: ServerResponse, path: string, body: Obj) {
    if (this.holding) {
      let gone = false;
      res.on('close', () => (gone = !res.writableFinished));
      await new Promise<void>((resolve) => this.held.push(resolve));
      // A runtime killed just before release() may not have had its socket's close noticed
      // yet; a moment lets that arrive, so a dead caller's call is never recorded as accepted.
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The runtime died or gave up while held: Messenger never accepted this call.
      if (gone || !req.socket || req.socket.destroyed) return;
    }
    const fail = (e: SandboxError) => this.answer(res, path, e.status, errorBody(e), e.code, body);
    const invalid = validateSend(body);
    if (invalid) return fail(invalid);
    const commentId = (body.recipient as Obj).comment_id;
    if (typeof commentId === 'string') return this.privateReply(res, path, body, commentId);
    const psid = String((body.recipient as Obj).id);
    const injected = this.state.takeFailure(psid);
    if (injected) return fail(injected);
    if (!this.state.known(psid)) return fail(NO_USER);
    const thread = this.state.thread(psid);
    if (this.state.now() - thread.lastUserAt > WINDOW_MS && body.messaging_type !== 'MESSAGE_TAG')
      return fail(FAILURES['outside-window']);
    if (thread.owner !== this.state.appId) return fail(THREAD_OWNED);
    const message = body.message as Obj | undefined;
    const attachment = message?.attachment as Obj | undefined;
    const media = attachment?.type === 'audio' || attachment?.type === 'video';
    if (!this.withinRate(media)) return fail(FAILURES['rate-limit']);
    if (body.sender_action !== undefined) {
      this.state.recordAction(psid, String(body.sender_action));
      return this.answer(res, path, 200, { recipient_id: psid }, undefined, body);
    }
    const receipt = attachment?.payload as Obj | undefined;
    if (receipt?.template_type === 'receipt') {
      const order = String(receipt.order_number);
      if (this.state.orderNumbers.has(order))
        return fail(badParam('param message[attachment][payload][order_number] must be unique'));
      this.state.orderNumbers.add(order);
    }
    const mid = this.state.recordMessage(psid, body);
    this.answer(res, path, 200, { recipient_id: psid, message_id: mid }, undefined, body);
  }

  /**
   * A private reply (docs/events.md "Comments"): one per comment, within 7 days of it, shown in
   * the commenter's thread. It opens no window: later messages wait for the user to write.
   */
  private privateReply(res: ServerResponse, path: string, body: Obj, commentId: string) {
    const fail = (e: SandboxError) => this.answer(res, path, e.status, errorBody(e), e.code, body);
    const comment = this.state.comment(commentId);
    if (!comment)
      return fail(
        badParam(`Unsupported post request. Object with ID '${commentId}' does not exist`),
      );
    const injected = this.state.takeFailure(comment.psid);
    if (injected) return fail(injected);
    if (comment.replied) return fail(ALREADY_REPLIED);
    if (this.state.now() - comment.at > PRIVATE_REPLY_MS) return fail(REPLY_TOO_LATE);
    const message = body.message as Obj | undefined;
    const attachment = message?.attachment as Obj | undefined;
    const media = attachment?.type === 'audio' || attachment?.type === 'video';
    if (!this.withinRate(media)) return fail(FAILURES['rate-limit']);
    comment.replied = true;
    const mid = this.state.recordMessage(comment.psid, body);
    this.answer(res, path, 200, { recipient_id: comment.psid, message_id: mid }, undefined, body);
  }

  private profile(req: IncomingMessage, res: ServerResponse, url: URL, body: Obj) {
    const path = url.pathname;
    const now = this.state.now();
    const calls = this.state.profileCalls.filter((t) => now - t < PROFILE_CALLS.windowMs);
    if (calls.length >= PROFILE_CALLS.max)
      return this.answer(res, path, 400, errorBody(PROFILE_RATE_LIMIT), 613);
    this.state.profileCalls = [...calls, now];
    if (req.method === 'GET') {
      const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
      const data = Object.fromEntries(
        Object.entries(this.state.profile).filter(([k]) => fields.includes(k)),
      );
      return this.answer(res, path, 200, { data: [data] });
    }
    if (req.method === 'DELETE') {
      const fields = Array.isArray(body.fields) ? body.fields.map(String) : [];
      for (const f of fields) delete this.state.profile[f];
      return this.answer(res, path, 200, { result: 'success' });
    }
    const invalid = validateProfile(body, this.state.profile);
    if (invalid) return this.answer(res, path, invalid.status, errorBody(invalid), invalid.code);
    const { access_token: _token, ...properties } = body;
    this.state.profile = { ...this.state.profile, ...properties };
    this.answer(res, path, 200, { result: 'success' });
  }

  private passThread(res: ServerResponse, path: string, body: Obj) {
    const recipient = body.recipient as Obj | undefined;
    if (!recipient || typeof recipient.id !== 'string')
      return this.answer(
        res,
        path,
        400,
        errorBody(badParam('The parameter recipient is required')),
        100,
      );
    if (body.target_app_id === undefined)
      return this.answer(
        res,
        path,
        400,
        errorBody(badParam('The parameter target_app_id is required')),
        100,
      );
    const psid = recipient.id;
    if (!this.state.known(psid)) return this.answer(res, path, 400, errorBody(NO_USER), 100);
    if (this.state.owner(psid) !== this.state.appId)
      return this.answer(res, path, 400, errorBody(THREAD_OWNED), THREAD_OWNED.code);
    this.state.setOwner(psid, String(body.target_app_id));
    this.state.recordHandover(psid, body);
    this.answer(res, path, 200, { success: true }, undefined, body);
  }

  /** take_thread_control (back from the Page Inbox) and request_thread_control (ask for it). */
  private threadControl(res: ServerResponse, path: string, body: Obj, take: boolean) {
    const fail = (e: SandboxError) => this.answer(res, path, e.status, errorBody(e), e.code);
    const recipient = body.recipient as Obj | undefined;
    if (!recipient || typeof recipient.id !== 'string')
      return fail(badParam('The parameter recipient is required'));
    const psid = recipient.id;
    if (!this.state.known(psid)) return fail(NO_USER);
    const owner = this.state.owner(psid);
    const kind = take ? 'take_thread_control' : 'request_thread_control';
    if (!take) {
      if (owner === this.state.appId) return fail(badParam('The app already controls this thread'));
      this.state.recordHandover(psid, { ...body, kind, requested_owner_app_id: this.state.appId });
      return this.answer(res, path, 200, { success: true });
    }
    this.state.setOwner(psid, this.state.appId);
    this.state.recordHandover(psid, { ...body, kind, previous_owner_app_id: owner });
    this.answer(
      res,
      path,
      200,
      { success: true, app_id: this.state.appId, expiration: this.state.now() + WINDOW_MS },
      undefined,
      body,
    );
  }

  private withinRate(media: boolean): boolean {
    if (!this.rates) return true;
    const second = Math.floor(this.state.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.counts = { text: 0, media: 0 };
    }
    const kind = media ? 'media' : 'text';
    this.counts[kind]++;
    return this.counts[kind] <= (media ? this.rates.mediaPerSecond : this.rates.textPerSecond);
  }

  private usageHeader(): string {
    const percent = this.rates
      ? Math.min(100, Math.round((this.counts.text / this.rates.textPerSecond) * 100))
      : 0;
    return JSON.stringify({
      [this.state.pageId]: [
        {
          type: 'pages',
          call_count: percent,
          total_cputime: 0,
          total_time: 0,
          estimated_time_to_regain_access: 0,
        },
      ],
    });
  }

  private answer(
    res: ServerResponse,
    path: string,
    status: number,
    body: unknown,
    code?: number,
    sent?: Obj,
  ): void {
    const { access_token: _token, ...request } = sent ?? {};
    this.state.calls.push({
      path,
      status,
      at: this.state.now(),
      ...(code !== undefined ? { code } : {}),
      ...(sent ? { body: request } : {}),
    });
    if (res.destroyed) return;
    sendJson(res, status, body, { 'x-business-use-case-usage': this.usageHeader() });
  }
}
