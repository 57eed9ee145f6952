// The commands behind working without a mouse: arrow-key moves (one undo step per burst), add a
// node after the selected one, connect to a node picked by search, the node menu.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { createDesignerStores } from '../designer/createDesigner';
import { MERGE_WINDOW_MS } from '../store/history';
import type { CanvasView, CommandContext } from './command';
import { connectCommand } from './connectTo';
import { GRID_STEP, moveSelectionCommand, SHIFT_FACTOR, arrowDirection } from './moveSelection';
import { getCommand } from './registry';
import { runCommand } from './runCommand';

const noHttp = () => Promise.reject(new Error('no HTTP in this test'));

function setup(): CommandContext {
  const view = { toScreen: (p: { x: number; y: number }) => ({ x: p.x + 1000, y: p.y + 2000 }) };
  return {
    ...createDesignerStores(FlowDocument.parse(welcome), { callHost: noHttp }),
    view: view as unknown as CanvasView,
    setView: () => undefined,
    files: null,
    clipboard: { read: async () => '', write: async () => undefined },
  };
}

const position = (c: CommandContext, id: string) => c.store.getState().doc.nodes[id]!.position;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('moving the selection with the arrow keys', () => {
  it('knows the arrow keys and nothing else', () => {
    expect(arrowDirection('ArrowLeft')).toBe('left');
    expect(arrowDirection('ArrowDown')).toBe('down');
    expect(arrowDirection('Enter')).toBeNull();
    expect(arrowDirection('Arrow')).toBeNull();
  });

  it('moves every selected node a grid step, four with Shift, and a burst undoes as one', async () => {
    const c = setup();
    const start = { menu: position(c, 'n-menu'), hours: position(c, 'n-hours') };
    c.store.getState().select(['n-menu', 'n-hours']);
    await runCommand(c, moveSelectionCommand('right'));
    vi.advanceTimersByTime(100);
    await runCommand(c, moveSelectionCommand('right'));
    vi.advanceTimersByTime(100);
    await runCommand(c, moveSelectionCommand('down', SHIFT_FACTOR));
    expect(position(c, 'n-menu')).toEqual({
      x: start.menu.x + 2 * GRID_STEP,
      y: start.menu.y + SHIFT_FACTOR * GRID_STEP,
    });
    expect(position(c, 'n-hours').x).toBe(start.hours.x + 2 * GRID_STEP);
    expect(c.store.getState().history.past).toHaveLength(1);

    // A pause ends the burst: the next press is a step of its own.
    vi.advanceTimersByTime(MERGE_WINDOW_MS + 1);
    await runCommand(c, moveSelectionCommand('left'));
    expect(c.store.getState().history.past).toHaveLength(2);
    c.store.getState().undo();
    c.store.getState().undo();
    expect(position(c, 'n-menu')).toEqual(start.menu);
    expect(position(c, 'n-hours')).toEqual(start.hours);
  });

  it('does nothing without a selection', async () => {
    const c = setup();
    const before = c.store.getState().doc;
    await runCommand(c, moveSelectionCommand('up'));
    expect(c.store.getState().doc).toBe(before);
    expect(c.store.getState().history.past).toHaveLength(0);
  });
});

describe('add after', () => {
  it('opens the node-type menu right of the node, from its first free output', async () => {
    const c = setup();
    c.store.getState().select(['n-menu']);
    await runCommand(c, getCommand('addAfter'));
    const menu = c.ui.getState().connectMenu;
    // reply:hours, reply:shop, reply:human and other are taken; the first output is reused.
    expect(menu).toMatchObject({ source: 'n-menu', sourceHandle: 'reply:hours' });
    const node = position(c, 'n-menu');
    expect(menu!.flowX).toBeGreaterThan(node.x);
    expect(menu!.x).toBeGreaterThan(1000 + node.x);

    c.store.getState().select(['n-back']);
    await runCommand(c, getCommand('addAfter'));
    expect(c.ui.getState().connectMenu).toMatchObject({ source: 'n-back', sourceHandle: 'next' });
  });

  it('does nothing for several nodes or none', async () => {
    const c = setup();
    c.store.getState().select(['n-menu', 'n-hours']);
    await runCommand(c, getCommand('addAfter'));
    expect(c.ui.getState().connectMenu).toBeNull();
  });
});

describe('the node menu by keyboard', () => {
  it('opens for the one selected node, at its top right corner', async () => {
    const c = setup();
    await runCommand(c, getCommand('contextMenu'));
    expect(c.ui.getState().contextMenu).toBeNull();
    c.store.getState().select(['n-hours']);
    await runCommand(c, getCommand('contextMenu'));
    expect(c.ui.getState().contextMenu).toMatchObject({ nodeId: 'n-hours' });
    expect(c.ui.getState().contextMenu!.x).toBeGreaterThan(1000 + position(c, 'n-hours').x);
  });
});

describe('connecting to a node picked by search', () => {
  it('connects as one undo step, replacing the output’s old edge', async () => {
    const c = setup();
    const ok = await runCommand(
      c,
      connectCommand({ source: 'n-menu', sourceHandle: 'reply:hours', target: 'n-back' }),
    );
    expect(ok).toBe(true);
    const fromHours = Object.values(c.store.getState().doc.edges).filter(
      (e) => e.source === 'n-menu' && e.sourceHandle === 'reply:hours',
    );
    expect(fromHours.map((e) => e.target)).toEqual(['n-back']);
    expect(c.store.getState().history.past).toHaveLength(1);
  });

  it('refuses a target without an input, naming both ends', async () => {
    const c = setup();
    const ok = await runCommand(
      c,
      connectCommand({ source: 'n-menu', sourceHandle: 'other', target: 'n-start' }),
    );
    expect(ok).toBe(false);
    expect(c.ui.getState().notice?.lines[0]).toContain('n-menu');
    expect(c.ui.getState().notice?.lines[0]).toContain('n-start');
    expect(c.store.getState().history.past).toHaveLength(0);
  });
});
