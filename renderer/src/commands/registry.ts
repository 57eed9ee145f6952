// Every designer command, and the application menu's names for them.
import type { MenuCommand } from '../../../electron/host-api';
import { addAfter } from './addAfter';
import { autoLayout } from './autoLayout';
import { clearSelection } from './clearSelection';
import type { Command } from './command';
import { copy } from './copy';
import { cut } from './cut';
import { deleteSelection } from './deleteSelection';
import { duplicate } from './duplicate';
import { fitView } from './fitView';
import { newFile } from './newFile';
import { openContextMenu } from './openContextMenu';
import { openFile } from './openFile';
import { paste } from './paste';
import { publish } from './publish';
import { redo } from './redo';
import { saveFile } from './saveFile';
import { saveFileAs } from './saveFileAs';
import { search } from './search';
import { selectAll } from './selectAll';
import { showHelp } from './showHelp';
import { simulate } from './simulate';
import { toggleAudience } from './toggleAudience';
import { toggleProblems } from './toggleProblems';
import { toggleRevisions } from './toggleRevisions';
import { toggleStats } from './toggleStats';
import { undo } from './undo';
import { zoomIn } from './zoomIn';
import { zoomOut } from './zoomOut';

export const COMMANDS = [
  undo,
  redo,
  cut,
  copy,
  paste,
  duplicate,
  deleteSelection,
  addAfter,
  openContextMenu,
  selectAll,
  clearSelection,
  autoLayout,
  fitView,
  zoomIn,
  zoomOut,
  search,
  toggleProblems,
  simulate,
  publish,
  toggleRevisions,
  toggleStats,
  toggleAudience,
  newFile,
  openFile,
  saveFile,
  saveFileAs,
  showHelp,
] as const satisfies readonly Command[];

export type CommandId = (typeof COMMANDS)[number]['id'];

const byId = new Map<string, Command>(COMMANDS.map((c) => [c.id, c]));

export function getCommand(id: CommandId): Command {
  const command = byId.get(id);
  if (!command) throw new Error(`Unknown command ${id}`);
  return command;
}

export const MENU_COMMANDS: Record<Exclude<MenuCommand, 'file.openRecent'>, CommandId> = {
  'file.new': 'newFile',
  'file.open': 'openFile',
  'file.save': 'saveFile',
  'file.saveAs': 'saveFileAs',
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.selectAll': 'selectAll',
  'view.zoomIn': 'zoomIn',
  'view.zoomOut': 'zoomOut',
  'view.fit': 'fitView',
  'help.about': 'help',
};
