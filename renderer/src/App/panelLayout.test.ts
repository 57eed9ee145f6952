import { describe, expect, it } from 'vitest';
import {
  autoCollapsed,
  createPanelStore,
  defaultLayout,
  loadLayout,
  MIN_CANVAS_WIDTH,
  PANELS,
} from './panelLayout';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('panel layout', () => {
  it('remembers widths and collapsed panels across windows', () => {
    const storage = memoryStorage();
    const first = createPanelStore(storage);
    first.getState().setWidth('inspector', 420);
    first.getState().setCollapsed('palette', true);
    const second = createPanelStore(storage).getState();
    expect(second.inspector.width).toBe(420);
    expect(second.palette.collapsed).toBe(true);
  });

  it('keeps widths inside each panel range', () => {
    const store = createPanelStore(memoryStorage());
    store.getState().setWidth('simulator', 10_000);
    expect(store.getState().simulator.width).toBe(PANELS.simulator.max);
    store.getState().setWidth('palette', 3);
    expect(store.getState().palette.width).toBe(PANELS.palette.min);
  });

  it('falls back to the defaults for an unreadable saved layout', () => {
    const storage = memoryStorage();
    storage.setItem('threadline.designer.panels', '{"palette": 1}');
    expect(loadLayout(storage)).toEqual(defaultLayout);
    storage.setItem('threadline.designer.panels', 'not json');
    expect(loadLayout(storage)).toEqual(defaultLayout);
  });

  it('collapses the palette first when simulator and inspector squeeze the canvas', () => {
    const all = ['palette', 'inspector', 'simulator'] as const;
    expect([...autoCollapsed(1440, all, defaultLayout, null)]).toEqual(['palette']);
    expect([...autoCollapsed(1920, all, defaultLayout, null)]).toEqual([]);
    // The panel the user showed last stays open; the next one goes instead.
    expect([...autoCollapsed(1440, all, defaultLayout, 'palette')]).toEqual(['inspector']);
  });

  it('leaves the canvas its minimum width whenever the panels allow it', () => {
    const all = ['palette', 'inspector', 'simulator'] as const;
    for (const width of [1024, 1280, 1366, 1440]) {
      const collapsed = autoCollapsed(width, all, defaultLayout, null);
      const used = all.reduce(
        (sum, id) => sum + (collapsed.has(id) ? 28 : defaultLayout[id].width),
        0,
      );
      expect(width - used, `at ${width}`).toBeGreaterThanOrEqual(MIN_CANVAS_WIDTH);
    }
  });
});
