// What the renderer does with a command from the application menu (electron/main/menu.ts sends
// its MenuCommand over the host API): the mapped designer command, through runCommand like a
// shortcut or a toolbar button.
import { t } from '../i18n';
import type { MenuCommand } from '../../../electron/host-api';
import type { CommandContext } from './command';
import { getCommand, MENU_COMMANDS } from './registry';
import { runCommand } from './runCommand';

/** Runs a menu command; resolves true when it succeeded (false after showing the failure). */
export function runMenuCommand(
  context: CommandContext,
  command: MenuCommand,
  arg?: string,
): Promise<boolean> {
  if (command === 'file.openRecent') {
    if (!arg || !context.files) return Promise.resolve(false);
    return context.files.openPath(arg).then(
      () => true,
      (error: unknown) => {
        context.ui.getState().set({
          notice: {
            title: t('files.cannotOpenFile'),
            lines: [error instanceof Error ? error.message : String(error)],
          },
        });
        return false;
      },
    );
  }
  return runCommand(context, getCommand(MENU_COMMANDS[command]));
}
