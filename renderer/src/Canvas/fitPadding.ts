// Fit view keeps the nodes clear of the minimap (bottom right, 200 × 150 plus React Flow's 15 px
// panel margin) and the zoom controls (bottom left): it reserves the minimap's strip along the
// side where the flow leaves room anyway, so the flow shrinks as little as possible.

export const MINIMAP = { width: 200, height: 150, margin: 15 } as const;
/** Space kept around the flow on the sides the minimap does not cover. */
const GAP = 24;
/** The zoom controls: a column of buttons at the bottom left. */
const CONTROLS_WIDTH = 46;

export interface FitPadding {
  top: `${number}px`;
  right: `${number}px`;
  bottom: `${number}px`;
  left: `${number}px`;
}

/**
 * Padding (in px, as React Flow's fitView takes it) for fitting a flow of `bounds` size into a
 * canvas of `view` size with the minimap in the bottom-right corner.
 */
export function fitPadding(
  view: { width: number; height: number },
  bounds: { width: number; height: number },
): FitPadding {
  const beside = MINIMAP.width + MINIMAP.margin + GAP;
  const below = MINIMAP.height + MINIMAP.margin + GAP;
  const zoomFor = (right: number, bottom: number) =>
    Math.min(
      (view.width - right - CONTROLS_WIDTH) / Math.max(bounds.width, 1),
      (view.height - bottom - GAP) / Math.max(bounds.height, 1),
    );
  // Reserve the strip below the flow or beside it, whichever leaves it larger.
  const reserveBelow = zoomFor(GAP, below) >= zoomFor(beside, GAP);
  return {
    top: `${GAP}px`,
    left: `${CONTROLS_WIDTH}px`,
    right: `${reserveBelow ? GAP : beside}px`,
    bottom: `${reserveBelow ? below : GAP}px`,
  };
}
