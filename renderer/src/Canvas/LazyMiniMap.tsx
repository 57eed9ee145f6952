import { MiniMap, type Node } from '@xyflow/react';
import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { NODE_CATALOG } from '../nodeTypes/catalog';

const minimapColor = (node: Node) =>
  `var(--tl-${NODE_CATALOG[node.type as keyof typeof NODE_CATALOG]?.group.toLowerCase() ?? 'flow'})`;

/**
 * The minimap, drawn the frame after a newly opened flow's nodes: it draws every node (2,000
 * rects on a large flow, where the canvas draws only the visible ones), which would otherwise
 * hold back the canvas's first paint. Mounted in a transition, so it never blocks input either.
 *
 * While nodes are dragged it shows a still copy of itself and unmounts the live one: repainting
 * every rect on every drag frame cost more than the whole canvas did, and even hidden, its 2,000
 * rects each checked React Flow's store on every frame. It comes back, in a transition, a moment
 * after the drag ends.
 */
export function LazyMiniMap() {
  const { t } = useTranslation();
  const loads = useDesigner((s) => s.loads);
  const [shownFor, setShownFor] = useState(-1);
  const { holder, active: frozen } = useFrozenDuringDrag();
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setShownFor(loads)));
    return () => cancelAnimationFrame(frame);
  }, [loads]);
  if (shownFor !== loads) return null;
  return (
    <>
      <div ref={holder} style={{ display: 'contents' }} />
      {!frozen && (
        <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel={t('keyboard.miniMap')} />
      )}
    </>
  );
}

const THAW_AFTER_MS = 400;

/**
 * Swaps the live minimap for a copy of its DOM from the start of a drag until a moment after it
 * ends, so the one costly repaint happens after the gesture, not inside it.
 */
function useFrozenDuringDrag() {
  const { store } = useDesignerContext();
  const holder = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(false);
  useEffect(() => {
    let thaw: ReturnType<typeof setTimeout> | undefined;
    // zustand calls this synchronously on beginGesture, before React re-renders, so the live
    // minimap is still there to be copied.
    const unsubscribe = store.subscribe((state, previous) => {
      const dragging = state.history.gestureBase !== null;
      if (dragging === (previous.history.gestureBase !== null)) return;
      const into = holder.current;
      if (dragging) {
        if (thaw !== undefined) {
          // Still frozen from the last drag: keep that copy until this one ends.
          clearTimeout(thaw);
          thaw = undefined;
          return;
        }
        const live = into?.parentElement?.querySelector('.react-flow__minimap');
        if (!into || !live) return;
        into.replaceChildren(live.cloneNode(true));
        setActive(true);
      } else {
        thaw = setTimeout(() => {
          thaw = undefined;
          // The copy goes when the live minimap is back (see the layout effect below).
          startTransition(() => setActive(false));
        }, THAW_AFTER_MS);
      }
    });
    return () => {
      clearTimeout(thaw);
      unsubscribe();
    };
  }, [store]);
  // Remove the copy in the same commit that mounts the live minimap again, so neither shows
  // twice nor goes missing for a frame.
  useLayoutEffect(() => {
    if (!active) holder.current?.replaceChildren();
  }, [active]);
  return { holder, active };
}
