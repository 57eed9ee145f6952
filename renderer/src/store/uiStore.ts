// Panels, overlays and dialogs: view state that is neither document nor history.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface Notice {
  title: string;
  /** One line per problem, e.g. "nodes[3].data.url: expected a string". */
  lines: readonly string[];
}

export interface Confirmation {
  title: string;
  message: string;
  confirmLabel: string;
  resolve(confirmed: boolean): void;
}

export interface UiState {
  helpOpen: boolean;
  searchOpen: boolean;
  problemsOpen: boolean;
  simulatorOpen: boolean;
  layoutRunning: boolean;
  /** The "New flow" dialog: pick a template (renderer/src/templates). */
  templatesOpen: boolean;
  notice: Notice | null;
  confirmation: Confirmation | null;
  /** A pending "pick the node type" menu after dropping an edge on empty canvas. */
  connectMenu: {
    source: string;
    sourceHandle: string;
    x: number;
    y: number;
    flowX: number;
    flowY: number;
  } | null;
  /** The node's context menu (right click, Shift+F10 or the ContextMenu key), at a screen point. */
  contextMenu: { nodeId: string; x: number; y: number } | null;
  /** The search picks the node this output connects to (the context menu's "Connect … to…"). */
  connectFrom: { source: string; sourceHandle: string; label: string } | null;
  set(patch: Partial<Omit<UiState, 'set'>>): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    helpOpen: false,
    searchOpen: false,
    problemsOpen: false,
    simulatorOpen: false,
    layoutRunning: false,
    templatesOpen: false,
    notice: null,
    confirmation: null,
    connectMenu: null,
    contextMenu: null,
    connectFrom: null,
    set: (patch) => set(patch),
  }));
}

/** Asks the user to confirm; resolves false if dismissed. */
export function confirm(
  ui: UiStore,
  title: string,
  message: string,
  confirmLabel: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    ui.getState().set({
      confirmation: {
        title,
        message,
        confirmLabel,
        resolve: (ok) => {
          ui.getState().set({ confirmation: null });
          resolve(ok);
        },
      },
    });
  });
}
