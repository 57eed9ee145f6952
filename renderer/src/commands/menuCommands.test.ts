import { describe, expect, it, vi } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { createDesignerStores } from '../designer/createDesigner';
import type { CanvasView, CommandContext, FileActions } from './command';
import { runMenuCommand } from './menuCommands';
import { getCommand } from './registry';
import { runCommand } from './runCommand';

const noHttp = () => Promise.reject(new Error('no HTTP in this test'));

function setup() {
  const view = { fit: vi.fn(), zoomIn: vi.fn(), zoomOut: vi.fn() };
  const files = {
    newFlow: vi.fn(async () => undefined),
    createFrom: vi.fn(async () => undefined),
    open: vi.fn(async () => undefined),
    openPath: vi.fn(async () => undefined),
    recent: vi.fn(async () => []),
    save: vi.fn(async () => undefined),
    saveAs: vi.fn(async () => undefined),
  } satisfies FileActions;
  const context: CommandContext = {
    ...createDesignerStores(FlowDocument.parse(welcome), { callHost: noHttp }),
    view: view as unknown as CanvasView,
    setView: () => undefined,
    files,
    clipboard: { read: async () => '', write: async () => undefined },
  };
  return { context, view, files };
}

const nodeIds = (c: CommandContext) => c.store.getState().doc.nodeOrder;

describe('application menu commands in the renderer', () => {
  it('Edit › Undo undoes and Edit › Redo redoes', async () => {
    const { context } = setup();
    context.store.getState().select(['n-hours']);
    await runCommand(context, getCommand('delete'));
    expect(nodeIds(context)).not.toContain('n-hours');
    expect(await runMenuCommand(context, 'edit.undo')).toBe(true);
    expect(nodeIds(context)).toContain('n-hours');
    expect(await runMenuCommand(context, 'edit.redo')).toBe(true);
    expect(nodeIds(context)).not.toContain('n-hours');
  });

  it('Edit › Select All selects every node and edge', async () => {
    const { context } = setup();
    await runMenuCommand(context, 'edit.selectAll');
    expect(context.store.getState().selection.nodes.size).toBe(nodeIds(context).length);
    expect(context.store.getState().selection.edges.size).toBe(
      context.store.getState().doc.edgeOrder.length,
    );
  });

  it('File and View items run their own file and canvas actions', async () => {
    const { context, view, files } = setup();
    await runMenuCommand(context, 'file.new');
    await runMenuCommand(context, 'file.open');
    await runMenuCommand(context, 'file.save');
    await runMenuCommand(context, 'file.saveAs');
    await runMenuCommand(context, 'file.openRecent', '/flows/shop.flow.json');
    expect(files.newFlow).toHaveBeenCalledOnce();
    expect(files.open).toHaveBeenCalledOnce();
    expect(files.save).toHaveBeenCalledOnce();
    expect(files.saveAs).toHaveBeenCalledOnce();
    expect(files.openPath).toHaveBeenCalledWith('/flows/shop.flow.json');
    await runMenuCommand(context, 'view.zoomIn');
    await runMenuCommand(context, 'view.zoomOut');
    await runMenuCommand(context, 'view.fit');
    expect([view.zoomIn, view.zoomOut, view.fit].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);
    await runMenuCommand(context, 'help.about');
    expect(context.ui.getState().helpOpen).toBe(true);
  });

  it('shows a notice when a recent file cannot be opened', async () => {
    const { context, files } = setup();
    files.openPath.mockRejectedValueOnce(new Error('ENOENT: no such file'));
    expect(await runMenuCommand(context, 'file.openRecent', '/gone.flow.json')).toBe(false);
    expect(context.ui.getState().notice).toEqual({
      title: 'Cannot open the file',
      lines: ['ENOENT: no such file'],
    });
  });
});
