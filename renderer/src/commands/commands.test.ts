import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { createDesignerStores } from '../designer/createDesigner';
import type { CommandContext } from './command';
import { COMMANDS, getCommand, MENU_COMMANDS, type CommandId } from './registry';
import { runCommand } from './runCommand';

const noHttp = () => Promise.reject(new Error('no HTTP in this test'));

function setup() {
  let clipboardText = '';
  const context: CommandContext = {
    ...createDesignerStores(FlowDocument.parse(welcome), { callHost: noHttp }),
    view: null,
    setView: () => undefined,
    files: null,
    clipboard: {
      read: async () => clipboardText,
      write: async (text) => {
        clipboardText = text;
      },
    },
  };
  return { context, clipboard: () => clipboardText };
}

const run = (context: CommandContext, id: CommandId) => runCommand(context, getCommand(id));

const nodeCount = (c: CommandContext) => c.store.getState().doc.nodeOrder.length;

describe('designer commands', () => {
  it('have unique ids and shortcuts', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shortcuts = COMMANDS.flatMap((c) => c.shortcuts);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('map every application menu command to a designer command', () => {
    for (const id of Object.values(MENU_COMMANDS)) expect(() => getCommand(id)).not.toThrow();
  });

  it('copy and paste put a copy with fresh ids beside the original, as one undo step', async () => {
    const { context, clipboard } = setup();
    context.store.getState().select(['n-menu', 'n-hours']);
    await run(context, 'copy');
    expect(JSON.parse(clipboard()).format).toBe('threadline.fragment');
    await run(context, 'paste');
    expect(nodeCount(context)).toBe(12);
    const pasted = [...context.store.getState().selection.nodes];
    expect(pasted).toHaveLength(2);
    expect(pasted).not.toContain('n-menu');
    expect(context.store.getState().history.past).toHaveLength(1);
    await run(context, 'undo');
    expect(nodeCount(context)).toBe(10);
  });

  it('cut removes the selection after copying it', async () => {
    const { context, clipboard } = setup();
    context.store.getState().select(['n-hours']);
    await run(context, 'cut');
    expect(context.store.getState().doc.nodes['n-hours']).toBeUndefined();
    expect(clipboard()).toContain('n-hours');
  });

  it('pastes nothing from plain text on the clipboard', async () => {
    const { context } = setup();
    await context.clipboard.write('just some words');
    await run(context, 'paste');
    expect(nodeCount(context)).toBe(10);
  });

  it('selects all, then deletes all nodes and their edges in one step', async () => {
    const { context } = setup();
    await run(context, 'selectAll');
    await run(context, 'delete');
    expect(nodeCount(context)).toBe(0);
    expect(context.store.getState().doc.edgeOrder).toHaveLength(0);
    await run(context, 'undo');
    expect(nodeCount(context)).toBe(10);
    expect(context.store.getState().doc.edgeOrder).toHaveLength(10);
  });

  it('toggles the help overlay and the problems panel without touching the history', async () => {
    const { context } = setup();
    await run(context, 'help');
    await run(context, 'toggleProblems');
    expect(context.ui.getState().helpOpen).toBe(true);
    expect(context.ui.getState().problemsOpen).toBe(true);
    expect(context.store.getState().history.past).toHaveLength(0);
  });
});
