// Undo history over the document only (selection and viewport never enter it). Snapshots are
// cheap because edits share every untouched node record with the previous document.
import type { DesignerDocument } from './designerDocument';

/**
 * How a change enters the history: `push` is one step; `merge` folds into the previous step when
 * that step had the same key and came less than MERGE_WINDOW_MS ago (a burst of
 * typing in one field, keys less than a second apart, is one step);
 * `none` leaves history alone (used inside a gesture, which records one step when it ends).
 */
export type HistoryMode = { kind: 'push' } | { kind: 'merge'; key: string } | { kind: 'none' };

export const MERGE_WINDOW_MS = 1000;
const LIMIT = 200;

export interface History {
  past: readonly DesignerDocument[];
  future: readonly DesignerDocument[];
  lastMerge: { key: string; at: number } | null;
  /** The document before the running gesture (a drag), or null when none runs. */
  gestureBase: DesignerDocument | null;
}

export const emptyHistory: History = { past: [], future: [], lastMerge: null, gestureBase: null };

/** Records that `before` was replaced by a new document under the given mode. */
export function record(
  history: History,
  before: DesignerDocument,
  mode: HistoryMode,
  now: number,
): History {
  if (mode.kind === 'none' || history.gestureBase) return history;
  const last = history.lastMerge;
  if (mode.kind === 'merge' && last?.key === mode.key && now - last.at < MERGE_WINDOW_MS) {
    return { ...history, future: [], lastMerge: { key: mode.key, at: now } };
  }
  return {
    past: [...history.past, before].slice(-LIMIT),
    future: [],
    lastMerge: mode.kind === 'merge' ? { key: mode.key, at: now } : null,
    gestureBase: null,
  };
}

export function beginGesture(history: History, current: DesignerDocument): History {
  return history.gestureBase ? history : { ...history, gestureBase: current };
}

/** Ends the gesture: one step if the document changed during it, none otherwise. */
export function endGesture(history: History, current: DesignerDocument): History {
  const base = history.gestureBase;
  if (!base) return history;
  if (base === current) return { ...history, gestureBase: null };
  return {
    past: [...history.past, base].slice(-LIMIT),
    future: [],
    lastMerge: null,
    gestureBase: null,
  };
}

export function undo(
  history: History,
  current: DesignerDocument,
): { history: History; doc: DesignerDocument } | null {
  const previous = history.past[history.past.length - 1];
  if (!previous) return null;
  return {
    doc: previous,
    history: {
      past: history.past.slice(0, -1),
      future: [current, ...history.future],
      lastMerge: null,
      gestureBase: null,
    },
  };
}

export function redo(
  history: History,
  current: DesignerDocument,
): { history: History; doc: DesignerDocument } | null {
  const next = history.future[0];
  if (!next) return null;
  return {
    doc: next,
    history: {
      past: [...history.past, current],
      future: history.future.slice(1),
      lastMerge: null,
      gestureBase: null,
    },
  };
}
