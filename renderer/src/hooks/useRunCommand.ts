import { useCallback } from 'react';
import { getCommand, type CommandId } from '../commands/registry';
import { useDesignerContext } from '../designer/DesignerContext';
import { runCommand } from '../commands/runCommand';

/** Runs a command by id: the same path for toolbar buttons, shortcuts and menus. */
export function useRunCommand(): (id: CommandId) => void {
  const context = useDesignerContext();
  return useCallback((id) => void runCommand(context, getCommand(id)), [context]);
}
