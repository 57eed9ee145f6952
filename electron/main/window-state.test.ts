import { describe, expect, it } from 'vitest';
import { restorableBounds, toWindowBounds } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window size and position', () => {
  it('restores the saved bounds when they are on a display', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(restorableBounds(saved, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('does not restore a window saved on a display that is gone', () => {
    const saved = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(restorableBounds(saved, [laptop])).toBeNull();
  });

  it('has nothing to restore on first launch', () => {
    expect(restorableBounds(undefined, [laptop])).toBeNull();
  });

  it('stores whole pixels and the maximized state', () => {
    expect(toWindowBounds({ x: 1.4, y: 2.6, width: 999.5, height: 700 }, true)).toEqual({
      x: 1,
      y: 3,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });
});
