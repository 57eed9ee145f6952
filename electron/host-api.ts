// The typed host API: the one interface the renderer talks to. The Electron preload bridge and the
// browser-mode client (HTTP to the loopback host) both implement it, so the renderer never knows
// which one it has. Types only here (plus the zod schemas main uses to validate arguments); the
// renderer may import this file and nothing else from electron/.
import { z } from 'zod';
import type { HOST_CHANNELS } from './ipc-names';

export { HOST_CHANNELS, hostCalls, type HostCalls } from './ipc-names';

/**
 * Commands the application menu sends to the renderer. In a focused text field the renderer
 * should let undo, redo and select all act on the text. Cut, copy and paste are native menu roles
 * in Electron: the page receives DOM `cut`/`copy`/`paste` events, as from the keyboard in browser
 * mode, so `edit.cut`/`edit.copy`/`edit.paste` are only sent by hosts without native roles.
 */
export const MenuCommand = z.enum([
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  /** Comes with the file's path as the listener's second argument. */
  'file.openRecent',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.selectAll',
  'view.zoomIn',
  'view.zoomOut',
  'view.fit',
  'help.about',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const OpenRecentCommand = z.strictObject({
  command: z.literal('file.openRecent'),
  path: z.string(),
});

export interface OpenedFile {
  path: string;
  /** The file's text, unparsed: the renderer parses it with flows/ and shows any problems. */
  text: string;
}

export interface RecoverySnapshot {
  /** The file the edits belong to, or null for an unsaved new flow. */
  path: string | null;
  text: string;
  savedAt: string;
}

/** The designer's language setting: the system's, or one chosen in the designer. */
export const LanguageSetting = z.enum(['system', 'en', 'de']);
export type LanguageSetting = z.infer<typeof LanguageSetting>;
/** A Page's username (letters, digits, dots) or numeric id, as m.me links take it. */
export const PageArg = z.string().regex(/^[A-Za-z0-9.]{1,100}$/);

/** The languages the designer speaks. */
export type Language = Exclude<LanguageSetting, 'system'>;

/**
 * The language to show: the chosen one, or for "system" the first of the system's preferred
 * locales (like "de-AT" or "en-GB") that the designer speaks, else English. Shared by the renderer
 * and the Electron menu so that both always speak the same language.
 */
export function resolveLanguage(setting: LanguageSetting, locales: readonly string[]): Language {
  if (setting !== 'system') return setting;
  for (const locale of locales) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'web';
  platform: string;
  /**
   * The system's locale (Electron's `app.getLocale()`, like "de-DE"); null in browser mode, where
   * the renderer uses the browser's `navigator.languages`.
   */
  locale: string | null;
  /** The stored language setting ("system" when none was chosen). */
  language: LanguageSetting;
}

export interface RuntimeConnection {
  url: string;
  /** Whether an admin token is stored (the token itself never reaches the renderer). */
  hasToken: boolean;
}

export interface PublishResult {
  ok: boolean;
  status: number;
  /** The runtime's answer: the new revision on success, the reasons on failure. */
  body: unknown;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Node ids: the same pattern as the flow format's ids. */
const NodeIdArg = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Where the sessions waiting at removed nodes go: a node of the new revision, or null (end). */
export const WaitMoves = z.record(NodeIdArg, NodeIdArg.nullable());
export type WaitMoves = z.infer<typeof WaitMoves>;

/** The stats route's query (docs/format.md §6); each part optional. */
export const StatsQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  revision: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional(),
  goal: NodeIdArg.optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

/** A Page-scoped user id: digits (the sandbox's and Meta's). */
export const PsidArg = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The subscribers route's query (docs/format.md §6); each part optional. */
export const SubscriberQuery = z.strictObject({
  tags: z.array(z.string().min(1).max(100)).max(20).optional(),
  notTags: z.array(z.string().min(1).max(100)).max(20).optional(),
  /** `var.NAME=value` filters: the variable equals the value, compared as text. */
  variables: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), z.string().max(1000))
    .optional(),
  window: z.enum(['open', 'closed', 'any']).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  cursor: z.string().min(1).max(500).optional(),
});
export type SubscriberQuery = z.infer<typeof SubscriberQuery>;

/** A segment's variable rule (docs/format.md §6, "Segment"). */
export const SegmentRule = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/),
  op: z.enum(['eq', 'ne', 'gt', 'lt', 'contains', 'exists', 'missing']),
  value: z.string().max(1000).optional(),
});
export const Segment = z.strictObject({
  tags: z.array(z.string().min(1).max(100)).max(20).optional(),
  notTags: z.array(z.string().min(1).max(100)).max(20).optional(),
  variables: z.array(SegmentRule).max(20).optional(),
  window: z.enum(['open', 'closed', 'any']).optional(),
});
export type Segment = z.infer<typeof Segment>;

/** The body of POST /api/broadcasts (docs/format.md §6). */
export const BroadcastRequest = z.strictObject({
  flowId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  node: NodeIdArg.optional(),
  segment: Segment.optional(),
  sendAt: z.iso.datetime({ offset: true }).optional(),
  ratePerSecond: z.number().int().min(1).max(250).optional(),
  dryRun: z.boolean().optional(),
});
export type BroadcastRequest = z.infer<typeof BroadcastRequest>;

/** Broadcast ids as the runtime makes them. */
const BroadcastIdArg = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export const HttpRequest = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string().url(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  timeoutMs: z.number().int().positive().max(60_000),
});
export type HttpRequest = z.infer<typeof HttpRequest>;

export interface HostApi {
  app: {
    info(): Promise<AppInfo>;
  };
  settings: {
    /** Stores the designer's language; the Electron menu follows it at once. */
    setLanguage(language: LanguageSetting): Promise<void>;
    /**
     * The Facebook Page the connected runtime answers, as its username or id: the ref triggers'
     * m.me links are made with it (null until the marketer gives it).
     */
    page(): Promise<string | null>;
    /** Stores the Page's username or id; null forgets it. */
    setPage(page: string | null): Promise<void>;
  };
  documents: {
    /**
     * The file the app was started with (command line, file association, `npm run web -- FILE`),
     * or null: the designer then shows the welcome example.
     */
    initial(): Promise<OpenedFile | null>;
    /** Shows the native open dialog; null when cancelled. */
    showOpen(): Promise<OpenedFile | null>;
    open(path: string): Promise<OpenedFile>;
    /** Atomic save (temporary file, then rename). */
    save(path: string, text: string): Promise<void>;
    /** Shows the native save dialog, then saves; the chosen path, or null when cancelled. */
    showSaveAs(suggestedName: string, text: string): Promise<string | null>;
    recent(): Promise<string[]>;
    /** Lists `*.scenario.json` files next to a flow file. */
    listScenarios(flowPath: string): Promise<OpenedFile[]>;
    saveScenario(flowPath: string, name: string, text: string): Promise<string>;
  };
  recovery: {
    /** Keeps the unsaved edits so that a crash loses at most the last few seconds. */
    snapshot(snapshot: { path: string | null; text: string }): Promise<void>;
    pending(): Promise<RecoverySnapshot | null>;
    discard(): Promise<void>;
  };
  window: {
    setTitle(title: string): Promise<void>;
    /** Tells the shell whether there are unsaved changes, so closing can ask first. */
    setDirty(dirty: boolean): Promise<void>;
  };
  runtime: {
    connection(): Promise<RuntimeConnection | null>;
    /** Stores the runtime URL and its admin token; `token: null` removes the stored token. */
    setConnection(url: string, token: string | null): Promise<void>;
    /**
     * PUTs a compiled flow to the connected runtime with the stored admin token. With `moves`
     * the body is `{ compiled, moves }`: where the sessions waiting at removed nodes go.
     */
    publish(flowId: string, compiledJson: string, moves?: WaitMoves): Promise<PublishResult>;
    /** GETs the active revision from the connected runtime (null when none). */
    active(flowId: string): Promise<unknown>;
    /** GETs the flow's revisions, newest first (null when the runtime has none). */
    revisions(flowId: string): Promise<unknown>;
    /** GETs one revision with its compiled flow (null when the runtime has no such revision). */
    revision(flowId: string, revision: string): Promise<unknown>;
    /** POSTs a rollback to `revision`; the runtime's answer as a PublishResult. */
    rollback(flowId: string, revision: string): Promise<PublishResult>;
    /** GETs the per-node counts, limited by `query`. */
    stats(flowId: string, query: StatsQuery): Promise<unknown>;
    /** GETs the sessions waiting per node of the active revision (null when none). */
    waiting(flowId: string): Promise<unknown>;
    /** GETs one page of the audience (`GET /api/subscribers`). */
    subscribers(query: SubscriberQuery): Promise<unknown>;
    /** GETs one subscriber with their recent conversation (null when unknown). */
    subscriber(psid: string): Promise<unknown>;
    /** DELETEs everything the runtime holds about a subscriber; null when it held nothing. */
    deleteSubscriber(psid: string): Promise<unknown>;
    /** POSTs a broadcast (or with `dryRun` its preview); the runtime's answer as a PublishResult. */
    broadcast(request: BroadcastRequest): Promise<PublishResult>;
    /** GETs a broadcast with its progress. */
    broadcastStatus(id: string): Promise<unknown>;
    /** DELETEs (cancels) a broadcast; the runtime's answer as a PublishResult. */
    cancelBroadcast(id: string): Promise<PublishResult>;
  };
  /**
   * Real HTTP for the simulator's HTTP nodes (no CORS, works where there is a network). The host
   * fills in `{{secret.NAME}}` from `secrets` below; a missing one fails with `secret-missing`.
   */
  http(request: HttpRequest): Promise<HttpResponse>;
  /** The simulator's values of a flow's named secrets, kept in the host's secret store. */
  secrets: {
    /** Which of these secrets have a value (the values never reach the renderer). */
    status(names: string[]): Promise<Record<string, boolean>>;
    /** Sets a secret's value for the simulator; null removes it. */
    set(name: string, value: string | null): Promise<void>;
  };
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand, arg?: string) => void): () => void;
}

/**
 * The wire contract under HostApi: one channel per host method that main (IPC) and the browser-mode
 * host (HTTP `POST /api/<channel>`) serve, with the zod schema of its arguments. Both hosts parse
 * arguments with these before any service sees them.
 */
const FilePath = z.string().min(1).max(4096);
const FlowIdArg = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const Text = z.string().max(50_000_000);
const SecretNameArg = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/);

export const HostChannels = {
  'app.info': z.tuple([]),
  'settings.setLanguage': z.tuple([LanguageSetting]),
  'settings.page': z.tuple([]),
  'settings.setPage': z.tuple([PageArg.nullable()]),
  'documents.initial': z.tuple([]),
  'documents.showOpen': z.tuple([]),
  'documents.open': z.tuple([FilePath]),
  'documents.save': z.tuple([FilePath, Text]),
  'documents.showSaveAs': z.tuple([z.string().min(1).max(255), Text]),
  'documents.recent': z.tuple([]),
  'documents.listScenarios': z.tuple([FilePath]),
  'documents.saveScenario': z.tuple([FilePath, z.string().min(1).max(200), Text]),
  'recovery.snapshot': z.tuple([z.strictObject({ path: FilePath.nullable(), text: Text })]),
  'recovery.pending': z.tuple([]),
  'recovery.discard': z.tuple([]),
  'window.setTitle': z.tuple([z.string().max(300)]),
  'window.setDirty': z.tuple([z.boolean()]),
  'runtime.connection': z.tuple([]),
  'runtime.setConnection': z.tuple([z.url().max(2048), z.string().min(1).max(4096).nullable()]),
  'runtime.publish': z.tuple([FlowIdArg, Text, WaitMoves.optional()]),
  'runtime.active': z.tuple([FlowIdArg]),
  'runtime.revisions': z.tuple([FlowIdArg]),
  'runtime.revision': z.tuple([FlowIdArg, z.string().regex(/^[a-f0-9]{64}$/)]),
  'runtime.rollback': z.tuple([FlowIdArg, z.string().regex(/^[a-f0-9]{64}$/)]),
  'runtime.stats': z.tuple([FlowIdArg, StatsQuery]),
  'runtime.waiting': z.tuple([FlowIdArg]),
  'runtime.subscribers': z.tuple([SubscriberQuery]),
  'runtime.subscriber': z.tuple([PsidArg]),
  'runtime.deleteSubscriber': z.tuple([PsidArg]),
  'runtime.broadcast': z.tuple([BroadcastRequest]),
  'runtime.broadcastStatus': z.tuple([BroadcastIdArg]),
  'runtime.cancelBroadcast': z.tuple([BroadcastIdArg]),
  http: z.tuple([HttpRequest]),
  'secrets.status': z.tuple([z.array(SecretNameArg).max(200)]),
  'secrets.set': z.tuple([SecretNameArg, z.string().min(1).max(16_384).nullable()]),
} as const satisfies Record<(typeof HOST_CHANNELS)[number], z.ZodType>;
export type HostChannel = keyof typeof HostChannels;
export type HostChannelArgs<C extends HostChannel> = z.infer<(typeof HostChannels)[C]>;

/** The HostApi method a channel stands for (see HOST_CHANNELS). */
type MethodOf<C extends string> = C extends `${infer G}.${infer M}`
  ? G extends keyof HostApi
    ? M extends keyof HostApi[G]
      ? HostApi[G][M]
      : never
    : never
  : C extends keyof HostApi
    ? HostApi[C]
    : never;
/** Every HostApi method as a channel name. */
type MethodChannels = {
  [G in keyof HostApi]: HostApi[G] extends (...args: never[]) => unknown
    ? G
    : `${G & string}.${keyof HostApi[G] & string}`;
}[keyof HostApi];
// Compile-time checks: the list names every method but the menu subscription and nothing else,
// and each method's parameters are what its channel's schema accepts.
type Check<T extends true> = T;
export type HostChannelsCoverHostApi = Check<
  [Exclude<MethodChannels, 'onMenuCommand'>] extends [HostChannel]
    ? [HostChannel] extends [Exclude<MethodChannels, 'onMenuCommand'>]
      ? true
      : false
    : false
>;
export type HostMethodArgsMatch = Check<
  {
    [C in HostChannel]: Parameters<MethodOf<C>> extends HostChannelArgs<C>
      ? HostChannelArgs<C> extends Parameters<MethodOf<C>>
        ? true
        : false
      : false;
  }[HostChannel]
>;

/** What crosses the wire: host failures are values with a code, a place and a message. */
export type HostCallResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; place: string; message: string } };

/** Thrown (rejected) on the renderer side when a host call fails. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    readonly place: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
