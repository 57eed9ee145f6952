// The side panels' widths and collapsed state: resizable, collapsible, remembered in the
// renderer's local storage (like the simulator's settings), and collapsed automatically while the
// window is too narrow to leave the canvas a usable width.
import { z } from 'zod';
import { createStore, type StoreApi } from 'zustand/vanilla';

export const PANEL_IDS = ['palette', 'inspector', 'simulator'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Where each panel sits, its default width and the range a drag or the arrow keys allow. */
export const PANELS: Record<
  PanelId,
  { side: 'left' | 'right'; width: number; min: number; max: number }
> = {
  palette: { side: 'left', width: 232, min: 180, max: 400 },
  inspector: { side: 'right', width: 340, min: 260, max: 640 },
  simulator: { side: 'right', width: 380, min: 320, max: 640 },
};

/** A collapsed panel leaves a rail this wide, holding the button that shows it again. */
export const RAIL_WIDTH = 28;
/** The canvas keeps at least this width; narrower, panels collapse (palette first). */
export const MIN_CANVAS_WIDTH = 520;
/** One arrow key press on a resize handle; with Shift, four. */
export const RESIZE_STEP = 16;

const PanelState = z.strictObject({ width: z.number(), collapsed: z.boolean() });
export const PanelLayout = z.strictObject({
  palette: PanelState,
  inspector: PanelState,
  simulator: PanelState,
});
export type PanelLayout = z.infer<typeof PanelLayout>;

export const defaultLayout: PanelLayout = {
  palette: { width: PANELS.palette.width, collapsed: false },
  inspector: { width: PANELS.inspector.width, collapsed: false },
  simulator: { width: PANELS.simulator.width, collapsed: false },
};

const KEY = 'threadline.designer.panels';

export function clampWidth(id: PanelId, width: number): number {
  return Math.round(Math.min(PANELS[id].max, Math.max(PANELS[id].min, width)));
}

/** The saved layout, each width clamped to its range; the defaults when absent or unreadable. */
export function loadLayout(storage: Pick<Storage, 'getItem'> | undefined): PanelLayout {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return defaultLayout;
    const parsed = PanelLayout.safeParse(JSON.parse(raw));
    if (!parsed.success) return defaultLayout;
    const layout = parsed.data;
    for (const id of PANEL_IDS) layout[id].width = clampWidth(id, layout[id].width);
    return layout;
  } catch {
    return defaultLayout;
  }
}

export function saveLayout(storage: Pick<Storage, 'setItem'> | undefined, layout: PanelLayout) {
  try {
    storage?.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Storage full or disabled: the layout then lasts for this window only.
  }
}

/**
 * The panels to collapse on top of the user's choice so that the canvas keeps its minimum width
 * in a window `windowWidth` wide: the palette first, then the inspector, then the simulator, but
 * never `exempt` (the panel the user showed last, who asked to see it).
 */
export function autoCollapsed(
  windowWidth: number,
  shown: readonly PanelId[],
  layout: PanelLayout,
  exempt: PanelId | null,
): Set<PanelId> {
  const collapsed = new Set<PanelId>();
  let canvas =
    windowWidth -
    shown.reduce((sum, id) => sum + (layout[id].collapsed ? RAIL_WIDTH : layout[id].width), 0);
  for (const id of PANEL_IDS) {
    if (canvas >= MIN_CANVAS_WIDTH) break;
    if (!shown.includes(id) || layout[id].collapsed || id === exempt) continue;
    collapsed.add(id);
    canvas += layout[id].width - RAIL_WIDTH;
  }
  return collapsed;
}

export interface PanelState extends PanelLayout {
  /** The panel the user showed last: automatic collapsing leaves it open. */
  shownLast: PanelId | null;
  setWidth(id: PanelId, width: number): void;
  setCollapsed(id: PanelId, collapsed: boolean): void;
}

export function createPanelStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
): StoreApi<PanelState> {
  const store = createStore<PanelState>()((set) => ({
    ...loadLayout(storage),
    shownLast: null,
    setWidth: (id, width) =>
      set((s) => ({ [id]: { ...s[id], width: clampWidth(id, width) } }) as Partial<PanelState>),
    setCollapsed: (id, collapsed) =>
      set(
        (s) =>
          ({
            [id]: { ...s[id], collapsed },
            shownLast: collapsed ? (s.shownLast === id ? null : s.shownLast) : id,
          }) as Partial<PanelState>,
      ),
  }));
  store.subscribe((s, before) => {
    if (PANEL_IDS.some((id) => s[id] !== before[id]))
      saveLayout(storage, { palette: s.palette, inspector: s.inspector, simulator: s.simulator });
  });
  return store;
}

/** The designer window's panels (one window per renderer). */
export const panelStore = createPanelStore(
  typeof localStorage === 'undefined' ? undefined : localStorage,
);
