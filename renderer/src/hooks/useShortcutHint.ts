import { getCommand, type CommandId } from '../commands/registry';
import { formatShortcut } from '../commands/shortcut';
import { t, tKey } from '../i18n';
import { isMacPlatform } from './useIsMac';

/** A command's label in the designer's language. */
export function commandLabel(id: CommandId): string {
  return tKey(`commands.${id}`, getCommand(id).label);
}

/** "Undo (Ctrl+Z)": a command's label with its first shortcut, for tooltips. */
export function shortcutHint(id: CommandId): string {
  const first = getCommand(id).shortcuts[0];
  const label = commandLabel(id);
  if (!first) return label;
  return t('command.withShortcut', { label, shortcut: formatShortcut(first, isMacPlatform()) });
}
