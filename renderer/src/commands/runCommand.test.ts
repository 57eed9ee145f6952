import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { moveNodes } from '../store/operations/nodes';
import { createDesignerStores } from '../designer/createDesigner';
import type { Command, CommandContext, DocumentEdit } from './command';
import { COMMANDS, getCommand } from './registry';
import { runCommand } from './runCommand';

const noHttp = () => Promise.reject(new Error('no HTTP in this test'));

function setup(): CommandContext {
  return {
    ...createDesignerStores(FlowDocument.parse(welcome), { callHost: noHttp }),
    view: null,
    setView: () => undefined,
    files: null,
    clipboard: { read: async () => '', write: async () => undefined },
  };
}

const past = (c: CommandContext) => c.store.getState().history.past.length;
const moveMenu: DocumentEdit = (doc) => ({
  doc: moveNodes(doc, new Map([['n-menu', { x: 500, y: 500 }]])),
});
const stepCommand = (perform: () => ReturnType<Extract<Command, { history: 'step' }>['perform']>) =>
  ({ id: 'test', label: 'Test move', shortcuts: [], history: 'step', perform }) satisfies Command;

describe('runCommand', () => {
  it('records one undo step for each command that declares a step', async () => {
    const context = setup();
    context.store.getState().select(['n-menu', 'n-hours']);
    expect(await runCommand(context, getCommand('duplicate'))).toBe(true);
    expect(past(context)).toBe(1);
    expect(context.store.getState().selection.nodes.size).toBe(2);
    expect(await runCommand(context, getCommand('delete'))).toBe(true);
    expect(past(context)).toBe(2);
    expect(context.store.getState().selection.nodes.size).toBe(0);
  });

  it('records nothing for the commands that declare no document change', async () => {
    const context = setup();
    const none = ['selectAll', 'clearSelection', 'help', 'toggleProblems', 'simulate', 'copy'];
    for (const id of none) {
      const command = COMMANDS.find((c) => c.id === id)!;
      expect(command.history).toBe('none');
      expect(await runCommand(context, command)).toBe(true);
    }
    expect(past(context)).toBe(0);
  });

  it('applies a step command’s edit itself, as one step, and none for an unchanged document', async () => {
    const context = setup();
    const before = context.store.getState().doc;
    await runCommand(
      context,
      stepCommand(() => moveMenu),
    );
    expect(context.store.getState().doc.nodes['n-menu']!.position).toEqual({ x: 500, y: 500 });
    expect(context.store.getState().history.past).toEqual([before]);
    await runCommand(
      context,
      stepCommand(() => (doc) => ({ doc })),
    );
    await runCommand(
      context,
      stepCommand(() => null),
    );
    expect(past(context)).toBe(1);
  });

  it('applies an async command’s edit to the document as it is when the command finishes', async () => {
    const context = setup();
    let finish: (edit: DocumentEdit) => void = () => undefined;
    const running = runCommand(
      context,
      stepCommand(() => new Promise<DocumentEdit>((resolve) => (finish = resolve))),
    );
    context.store
      .getState()
      .change((doc) => moveNodes(doc, new Map([['n-hours', { x: 7, y: 7 }]])), { kind: 'push' });
    finish(moveMenu);
    expect(await running).toBe(true);
    const { doc } = context.store.getState();
    expect(doc.nodes['n-hours']!.position).toEqual({ x: 7, y: 7 });
    expect(doc.nodes['n-menu']!.position).toEqual({ x: 500, y: 500 });
    expect(past(context)).toBe(2);
  });

  it.each([
    [
      'throws',
      () =>
        stepCommand(() => {
          throw new Error('no room on the canvas');
        }),
    ],
    ['rejects', () => stepCommand(() => Promise.reject(new Error('no room on the canvas')))],
    [
      'returns an edit that throws',
      () =>
        stepCommand(() => () => {
          throw new Error('no room on the canvas');
        }),
    ],
  ])('shows a notice and records nothing when the command %s', async (_, make) => {
    const context = setup();
    const before = context.store.getState().doc;
    expect(await runCommand(context, make())).toBe(false);
    expect(context.ui.getState().notice).toEqual({
      title: 'Test move failed',
      lines: ['no room on the canvas'],
    });
    expect(context.store.getState().doc).toBe(before);
    expect(past(context)).toBe(0);
  });

  it('shows a notice when a command without history fails', async () => {
    const context = setup();
    const failing: Command = {
      id: 'x',
      label: 'Save',
      shortcuts: [],
      history: 'none',
      perform: async () => {
        throw new Error('disk full');
      },
    };
    expect(await runCommand(context, failing)).toBe(false);
    expect(context.ui.getState().notice).toEqual({ title: 'Save failed', lines: ['disk full'] });
  });
});
