// The one way a command runs, from a menu, a shortcut, a clipboard event or a toolbar button. It
// owns the history: a `step` command's edit is applied here and recorded as one undo step (or
// folded into the previous one, for a command with a `merge` key run again at once); `none`
// and `own` commands record nothing here. A failure is shown to the user as a notice (rather than
// lost in the console) and records nothing: the edit is only applied once the command succeeded.
import { t, tKey } from '../i18n';
import type { Command, CommandContext, DocumentEdit } from './command';

/** Runs the command; resolves true when it succeeded, false when it failed (after the notice). */
export function runCommand(context: CommandContext, command: Command): Promise<boolean> {
  const fail = (error: unknown) => {
    context.ui.getState().set({
      notice: {
        title: t('command.failed', {
          label: tKey(`commands.${command.id}`, command.label),
        }),
        lines: [error instanceof Error ? error.message : String(error)],
      },
    });
    return false;
  };
  const finish = (edit: DocumentEdit | null | void) => {
    if (edit && command.history === 'step') applyEdit(context, edit, command.merge);
    return true;
  };
  try {
    const result = command.perform(context);
    // A synchronous command's edit is applied at once, so that the next key sees it.
    if (result instanceof Promise) return result.then(finish).catch(fail);
    return Promise.resolve(finish(result));
  } catch (error) {
    return Promise.resolve(fail(error));
  }
}

function applyEdit(context: CommandContext, edit: DocumentEdit, merge?: string): void {
  let select: readonly string[] | undefined;
  context.store.getState().change(
    (doc) => {
      const result = edit(doc);
      select = result.select;
      return result.doc;
    },
    merge ? { kind: 'merge', key: merge } : { kind: 'push' },
  );
  if (select) context.store.getState().select(select);
}
