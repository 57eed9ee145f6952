import { useEffect } from 'react';
import type { HostApi } from '../../../electron/host-api';
import { getCommand, MENU_COMMANDS } from '../commands/registry';
import { runCommand } from '../commands/runCommand';
import { useDesignerContext } from '../designer/DesignerContext';
import { isEditable } from './useShortcuts';

/** The application menu's commands, run like the toolbar's. */
export function useMenuCommands(host: HostApi) {
  const context = useDesignerContext();
  useEffect(() => {
    const showError = (error: unknown) =>
      context.ui.getState().set({
        notice: {
          title: 'Cannot open the file',
          lines: [String(error instanceof Error ? error.message : error)],
        },
      });
    return host.onMenuCommand((command, arg) => {
      if (command === 'file.openRecent') {
        if (arg) void context.files?.openPath(arg).catch(showError);
        return;
      }
      // In a text field, select all acts on the text (the shell's contract).
      if (command === 'edit.selectAll' && isEditable(document.activeElement)) {
        (document.activeElement as HTMLInputElement).select?.();
        return;
      }
      const id = MENU_COMMANDS[command];
      if (id) runCommand(context, getCommand(id));
    });
  }, [host, context]);
}
