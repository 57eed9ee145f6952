// Remembers the window's size and position, and restores them only where they still fit: a
// window saved on a monitor that has since been unplugged must not open off-screen.
import type { WindowBounds } from '../services/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };
const MIN_VISIBLE = 100;

/** The saved bounds when at least a corner's worth of the window lands on a display, else none. */
export function restorableBounds(saved: WindowBounds | undefined, workAreas: Rect[]): Rect | null {
  if (!saved) return null;
  const visible = workAreas.some((area) => {
    const width = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const height =
      Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return width >= MIN_VISIBLE && height >= MIN_VISIBLE;
  });
  if (!visible) return null;
  return { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
}

export function toWindowBounds(bounds: Rect, maximized: boolean): WindowBounds {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(200, Math.round(bounds.width)),
    height: Math.max(200, Math.round(bounds.height)),
    maximized,
  };
}
