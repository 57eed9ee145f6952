// The designer's state. The document is the source of truth; history covers the document only;
// selection, measured sizes and panels are view state. No DOM here, so vitest runs it in node.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlowDocument } from '../../../flows/schema';
import { fromFlowDocument, type DesignerDocument } from './designerDocument';
import * as history from './history';
import type { Problem } from './problem';

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** The field name that asks for the first field of the node's form (the context menu's "Edit"). */
export const FIRST_FIELD = '*';

export interface FieldFocus {
  nodeId: string | null;
  field: string | null;
  /** Changes on every request so that asking twice for the same field focuses it again. */
  seq: number;
}

export interface DesignerState {
  doc: DesignerDocument;
  history: history.History;
  selection: Selection;
  measured: Readonly<Record<string, { width: number; height: number }>>;
  /** The file being edited, and the document as last saved (dirty = doc !== saved). */
  file: { path: string | null; saved: DesignerDocument };
  problems: readonly Problem[];
  /** Problem counts by node id, for the badges (each node subscribes to its own entry). */
  problemsByNode: Readonly<Record<string, NodeProblemCounts>>;
  focus: FieldFocus | null;
  /** Counts documents loaded (open, new, restore), so the canvas can fit the view to each. */
  loads: number;

  load(doc: FlowDocument, path: string | null): void;
  change(recipe: (doc: DesignerDocument) => DesignerDocument, mode: history.HistoryMode): void;
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  setMeasured(sizes: ReadonlyMap<string, { width: number; height: number }>): void;
  markSaved(path: string, doc: DesignerDocument): void;
  setProblems(problems: readonly Problem[]): void;
  focusField(nodeId: string | null, field: string | null): void;
}

export type DesignerStore = StoreApi<DesignerState>;

export interface NodeProblemCounts {
  errors: number;
  warnings: number;
  /** Output handles with a problem, joined by "|" (a string, so selectors compare cheaply). */
  handles: string;
}

const noSelection: Selection = { nodes: new Set(), edges: new Set() };

export function createDesignerStore(
  initial: FlowDocument,
  options: { now?: () => number } = {},
): DesignerStore {
  const now = options.now ?? (() => Date.now());
  const start = fromFlowDocument(initial);
  return createStore<DesignerState>()((set, get) => ({
    doc: start,
    history: history.emptyHistory,
    selection: noSelection,
    measured: {},
    file: { path: null, saved: start },
    problems: [],
    problemsByNode: {},
    focus: null,
    loads: 0,

    load(doc, path) {
      const loaded = fromFlowDocument(doc);
      set({
        doc: loaded,
        history: history.emptyHistory,
        selection: noSelection,
        measured: {},
        file: { path, saved: loaded },
        problems: [],
        problemsByNode: {},
        focus: null,
        loads: get().loads + 1,
      });
    },
    change(recipe, mode) {
      const before = get().doc;
      const after = recipe(before);
      if (after === before) return;
      set({ doc: after, history: history.record(get().history, before, mode, now()) });
    },
    beginGesture() {
      set({ history: history.beginGesture(get().history, get().doc) });
    },
    endGesture() {
      set({ history: history.endGesture(get().history, get().doc) });
    },
    undo() {
      const state = get();
      const base = state.history.gestureBase
        ? history.endGesture(state.history, state.doc)
        : state.history;
      const result = history.undo(base, state.doc);
      if (result)
        set({
          doc: result.doc,
          history: result.history,
          selection: pruneSelection(state.selection, result.doc),
        });
    },
    redo() {
      const state = get();
      const result = history.redo(state.history, state.doc);
      if (result)
        set({
          doc: result.doc,
          history: result.history,
          selection: pruneSelection(state.selection, result.doc),
        });
    },
    select(nodes, edges = []) {
      const next = { nodes: new Set(nodes), edges: new Set(edges) };
      const current = get().selection;
      if (sameSet(next.nodes, current.nodes) && sameSet(next.edges, current.edges)) return;
      set({ selection: next });
    },
    setMeasured(sizes) {
      // React Flow reports sizes again after every re-measure; only real changes count, or each
      // report would make new node objects and trigger another measure.
      const current = get().measured;
      const changed = [...sizes].filter(([id, s]) => {
        const old = current[id];
        return !old || old.width !== s.width || old.height !== s.height;
      });
      if (changed.length === 0) return;
      set({ measured: { ...current, ...Object.fromEntries(changed) } });
    },
    markSaved(path, doc) {
      set({ file: { path, saved: doc } });
    },
    setProblems(problems) {
      set({ problems, problemsByNode: countByNode(problems, get().problemsByNode) });
    },
    focusField(nodeId, field) {
      set({ focus: { nodeId, field, seq: (get().focus?.seq ?? 0) + 1 } });
    },
  }));
}

/** Counts by node, keeping each unchanged entry's identity so that its badge does not re-render. */
function countByNode(
  problems: readonly Problem[],
  previous: DesignerState['problemsByNode'],
): DesignerState['problemsByNode'] {
  const counts: Record<string, NodeProblemCounts> = {};
  for (const p of problems) {
    if (!p.nodeId) continue;
    const entry = (counts[p.nodeId] ??= { errors: 0, warnings: 0, handles: '' });
    if (p.severity === 'error') entry.errors++;
    else entry.warnings++;
    if (p.handle) entry.handles = entry.handles ? `${entry.handles}|${p.handle}` : p.handle;
  }
  for (const [id, entry] of Object.entries(counts)) {
    const old = previous[id];
    if (
      old &&
      old.errors === entry.errors &&
      old.warnings === entry.warnings &&
      old.handles === entry.handles
    )
      counts[id] = old;
  }
  return counts;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function pruneSelection(selection: Selection, doc: DesignerDocument): Selection {
  const nodes = [...selection.nodes].filter((id) => doc.nodes[id]);
  const edges = [...selection.edges].filter((id) => doc.edges[id]);
  if (nodes.length === selection.nodes.size && edges.length === selection.edges.size)
    return selection;
  return { nodes: new Set(nodes), edges: new Set(edges) };
}

export const isDirty = (s: DesignerState): boolean => s.doc !== s.file.saved;
export const canUndo = (s: DesignerState): boolean => s.history.past.length > 0;
export const canRedo = (s: DesignerState): boolean => s.history.future.length > 0;
