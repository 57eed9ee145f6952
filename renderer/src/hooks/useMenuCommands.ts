import { useEffect } from 'react';
import type { HostApi } from '../../../electron/host-api';
import { runMenuCommand } from '../commands/menuCommands';
import { useDesignerContext } from '../designer/DesignerContext';
import { isEditable, modalOpen } from './useShortcuts';

/** The application menu's commands, run like the toolbar's. */
export function useMenuCommands(host: HostApi) {
  const context = useDesignerContext();
  useEffect(() => {
    return host.onMenuCommand((command, arg) => {
      // Behind a modal dialog the designer takes no commands (Ctrl+Z comes this way in Electron).
      if (modalOpen()) return;
      // In a text field, select all acts on the text (the shell's contract).
      if (command === 'edit.selectAll' && isEditable(document.activeElement)) {
        (document.activeElement as HTMLInputElement).select?.();
        return;
      }
      void runMenuCommand(context, command, arg);
    });
  }, [host, context]);
}
