// A designer command: one file per command, dispatched through runCommand from menus, shortcuts,
// clipboard events and the toolbar. Its `history` field says how its change enters the undo
// history, and runCommand acts on it (as in Excalidraw's action manager): a `step` command does
// not change the document itself but returns the edit, which runCommand applies as one step.
import type { FlowDocument } from '../../../flows/schema';
import type { PublishStore } from '../publish/publishStore';
import type { SimulatorStore } from '../simulator/createSimulatorStore';
import type { DerivedStore } from '../store/derivedStore';
import type { DesignerDocument } from '../store/designerDocument';
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
  /** Where a point of the flow is on the screen (client coordinates). */
  toScreen(point: { x: number; y: number }): { x: number; y: number };
  /** Moves keyboard focus to the node once it is drawn (bring it into view first). */
  focusNode(nodeId: string): void;
}

export interface TextClipboard {
  read(): Promise<string>;
  write(text: string): Promise<void>;
}

/** File operations (they talk to the host); see renderer/src/files/. */
export interface FileActions {
  /** Asks before discarding unsaved edits, then offers the templates (renderer/src/templates). */
  newFlow(): Promise<void>;
  /** Replaces the document with a new, unsaved flow (a template's copy); asks nothing. */
  createFrom(doc: FlowDocument): Promise<void>;
  open(): Promise<void>;
  openPath(path: string): Promise<void>;
  /** Recently opened or saved files, newest first. */
  recent(): Promise<string[]>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
}

/**
 * One designer window: its stores (each made by its create…Store factory, reached from here, in
 * components through useDesignerContext and the use… selector hooks) and what commands need.
 */
export interface CommandContext {
  /** The document, its history, selection and problems. */
  store: DesignerStore;
  /** Panels, overlays and dialogs. */
  ui: UiStore;
  /** Lint findings and the compiled flow, derived once per document version. */
  derived: DerivedStore;
  /** The publish dialog, the runtime connection and its active revision. */
  publish: PublishStore;
  /** The simulator panel's chat. */
  simulator: SimulatorStore;
  /** The canvas, once it is mounted (commands that need it do nothing before). */
  readonly view: CanvasView | null;
  /** Called by the canvas when it mounts (with its view) and unmounts (with null). */
  setView(view: CanvasView | null): void;
  clipboard: TextClipboard;
  files: FileActions | null;
}

/**
 * A document change a command asks for, applied by runCommand to the document as it is when the
 * command finishes (an async command may finish after other edits). Returns the new document and
 * the nodes to select afterwards (omitted: the selection stays).
 */
export type DocumentEdit = (doc: DesignerDocument) => {
  doc: DesignerDocument;
  select?: readonly string[];
};

interface CommandInfo {
  id: string;
  label: string;
  /** Like "Mod+Shift+Z" (Mod is Ctrl, or Cmd on macOS); shown in tooltips and the help overlay. */
  shortcuts: readonly string[];
}

/** A command that changes the document: its edit (or null for none) becomes one undo step. */
export interface EditCommand extends CommandInfo {
  history: 'step';
  /**
   * Runs with the same key less than MERGE_WINDOW_MS apart fold into one undo step (a burst of
   * arrow-key moves is one step); without it every run is a step of its own.
   */
  merge?: string;
  perform(ctx: CommandContext): DocumentEdit | null | Promise<DocumentEdit | null>;
}

/**
 * `none`: no document change (view, selection, panels, clipboard); `own`: the command manages the
 * history itself (undo, redo, and new or open, which start a fresh one).
 */
export interface ActionCommand extends CommandInfo {
  history: 'none' | 'own';
  perform(ctx: CommandContext): void | Promise<void>;
}

export type Command = EditCommand | ActionCommand;
