// The typed host API: the one interface the renderer talks to. The Electron preload bridge and the
// browser-mode client (HTTP to the loopback host) both implement it, so the renderer never knows
// which one it has. Types only here (plus the zod schemas main uses to validate arguments); the
// renderer may import this file and nothing else from electron/.
import { z } from 'zod';

/** Commands the application menu (or the browser-mode shortcuts) send to the renderer. */
export const MenuCommand = z.enum([
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
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

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'web';
  platform: string;
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
  documents: {
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
    setConnection(url: string, token: string | null): Promise<void>;
    /** PUTs a compiled flow to the connected runtime with the stored admin token. */
    publish(flowId: string, compiledJson: string): Promise<PublishResult>;
    /** GETs the active revision from the connected runtime (null when none). */
    active(flowId: string): Promise<unknown>;
  };
  /** Real HTTP for the simulator's HTTP nodes (no CORS, works where there is a network). */
  http(request: HttpRequest): Promise<HttpResponse>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand, arg?: string) => void): () => void;
}
