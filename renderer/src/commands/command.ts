// A designer command: one file per command, dispatched the same way from menus, shortcuts and the
// toolbar. `history` documents how its change enters the undo history.
import type { DesignerStore } from '../store/designerStore';
import type { UiStore } from '../store/uiStore';

/** The canvas operations commands need; the Canvas component provides them. */
export interface CanvasView {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  centreOn(nodeId: string): void;
  /** Pans (keeping the zoom) only if the node is not fully in view. */
  reveal(nodeId: string): void;
  /** The centre of the visible canvas in flow coordinates. */
  centre(): { x: number; y: number };
}

export interface TextClipboard {
  read(): Promise<string>;
  write(text: string): Promise<void>;
}

/** File operations (they talk to the host); see renderer/src/files/. */
export interface FileActions {
  newFlow(): Promise<void>;
  open(): Promise<void>;
  openPath(path: string): Promise<void>;
  /** Recently opened or saved files, newest first. */
  recent(): Promise<string[]>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
}

export interface CommandContext {
  store: DesignerStore;
  ui: UiStore;
  /** The canvas, once it is mounted (commands that need it do nothing before). */
  readonly view: CanvasView | null;
  /** Called by the canvas when it mounts (with its view) and unmounts (with null). */
  setView(view: CanvasView | null): void;
  clipboard: TextClipboard;
  files: FileActions | null;
}

export interface Command {
  id: string;
  label: string;
  /** Like "Mod+Shift+Z" (Mod is Ctrl, or Cmd on macOS); shown in tooltips and the help overlay. */
  shortcuts: readonly string[];
  /** `step`: one undo step; `none`: no document change; `own`: history managed inside (undo, redo). */
  history: 'step' | 'none' | 'own';
  perform(ctx: CommandContext): void | Promise<void>;
}
