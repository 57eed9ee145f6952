// A side panel of the designer window (palette, inspector, simulator) in a frame the user can
// resize and collapse: a drag handle on its canvas side (the WAI-ARIA window splitter: a focusable
// separator whose value is the width; arrow keys resize, Home/End go to the smallest/largest,
// Enter collapses), a button to hide it, and, hidden, a thin rail with the button to show it.
// A panel also collapses by itself while the window is too narrow (see panelLayout.ts).
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  autoCollapsed,
  PANEL_IDS,
  PANELS,
  panelStore,
  RESIZE_STEP,
  type PanelId,
} from './panelLayout';

const KEYS = {
  palette: { resize: 'resizePalette', collapse: 'collapsePalette', expand: 'expandPalette' },
  inspector: {
    resize: 'resizeInspector',
    collapse: 'collapseInspector',
    expand: 'expandInspector',
  },
  simulator: {
    resize: 'resizeSimulator',
    collapse: 'collapseSimulator',
    expand: 'expandSimulator',
  },
} as const;

function subscribeToResize(onChange: () => void) {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}
const windowWidth = () => window.innerWidth;

/** Whether each shown panel is collapsed now, by the user's choice or for lack of room. */
export function useCollapsedPanels(shown: readonly PanelId[]): Set<PanelId> {
  const width = useSyncExternalStore(subscribeToResize, windowWidth);
  const layout = useStore(panelStore);
  const auto = autoCollapsed(width, shown, layout, layout.shownLast);
  return new Set(PANEL_IDS.filter((id) => layout[id].collapsed || auto.has(id)));
}

export function SidePanel({
  id,
  collapsed,
  children,
}: {
  id: PanelId;
  collapsed: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const width = useStore(panelStore, (s) => s[id].width);
  const { side, min, max } = PANELS[id];
  const keys = KEYS[id];
  const bodyId = `tl-side-${id}`;
  const expandButton = useRef<HTMLButtonElement>(null);
  const collapseButton = useRef<HTMLButtonElement>(null);
  // After the user collapses or shows the panel, focus goes to the button that undoes it.
  const focusAfterToggle = useRef(false);
  useEffect(() => {
    if (!focusAfterToggle.current) return;
    focusAfterToggle.current = false;
    (collapsed ? expandButton : collapseButton).current?.focus();
  }, [collapsed]);

  const setCollapsed = (next: boolean) => {
    focusAfterToggle.current = true;
    panelStore.getState().setCollapsed(id, next);
  };
  // Growing means moving the handle away from the panel's window edge.
  const grow = side === 'left' ? 1 : -1;

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    const onMove = (move: PointerEvent) =>
      panelStore.getState().setWidth(id, startWidth + grow * (move.clientX - startX));
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? RESIZE_STEP * 4 : RESIZE_STEP;
    const set = (next: number) => {
      event.preventDefault();
      panelStore.getState().setWidth(id, next);
    };
    switch (event.key) {
      case 'ArrowLeft':
        return set(width - grow * step);
      case 'ArrowRight':
        return set(width + grow * step);
      case 'Home':
        return set(min);
      case 'End':
        return set(max);
      case 'Enter':
        event.preventDefault();
        return setCollapsed(true);
    }
  };

  const edge = (
    <div className="tl-side-edge">
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t(`sidePanels.${keys.resize}`)}
        aria-controls={bodyId}
        aria-valuenow={width}
        aria-valuemin={min}
        aria-valuemax={max}
        tabIndex={0}
        className="tl-side-handle"
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <button
        ref={collapseButton}
        type="button"
        className="tl-side-toggle tl-side-collapse"
        aria-label={t(`sidePanels.${keys.collapse}`)}
        title={t(`sidePanels.${keys.collapse}`)}
        aria-expanded
        aria-controls={bodyId}
        onClick={() => setCollapsed(true)}
      >
        <span aria-hidden>{side === 'left' ? '‹' : '›'}</span>
      </button>
    </div>
  );

  return (
    <div className={`tl-side tl-side-${side}${collapsed ? ' is-collapsed' : ''}`}>
      {collapsed && (
        <button
          ref={expandButton}
          type="button"
          className="tl-side-toggle"
          aria-label={t(`sidePanels.${keys.expand}`)}
          title={t(`sidePanels.${keys.expand}`)}
          aria-expanded={false}
          aria-controls={bodyId}
          onClick={() => setCollapsed(false)}
        >
          <span aria-hidden>{side === 'left' ? '›' : '‹'}</span>
        </button>
      )}
      {!collapsed && side === 'right' && edge}
      {/* Hidden, not unmounted: the panel keeps its scroll position and state. */}
      <div
        id={bodyId}
        className="tl-side-body"
        hidden={collapsed}
        style={{ width: collapsed ? undefined : width }}
      >
        {children}
      </div>
      {!collapsed && side === 'left' && edge}
    </div>
  );
}
