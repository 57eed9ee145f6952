import { getCommand, type CommandId } from '../commands/registry';
import { formatShortcut } from '../commands/shortcut';
import { isMacPlatform } from './useIsMac';

/** "Undo (Ctrl+Z)": a command's label with its first shortcut, for tooltips. */
export function shortcutHint(id: CommandId): string {
  const command = getCommand(id);
  const first = command.shortcuts[0];
  return first ? `${command.label} (${formatShortcut(first, isMacPlatform())})` : command.label;
}
