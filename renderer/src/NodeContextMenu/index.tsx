// A node's context menu (right click, Shift+F10 or the ContextMenu key): add a node after it,
// connect one of its outputs to a node picked by search, edit it in the inspector, duplicate,
// delete. Each action runs through the same commands as its shortcut.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { runCommand } from '../commands/runCommand';
import { getCommand, type CommandId } from '../commands/registry';
import { formatShortcut } from '../commands/shortcut';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { isMacPlatform } from '../hooks/useIsMac';
import { commandLabel } from '../hooks/useShortcutHint';
import { useUi } from '../hooks/useUi';
import { Menu, type MenuItem } from '../Menu';
import { handleRows } from '../nodeTypes/handleLabels';
import { FIRST_FIELD } from '../store/designerStore';

/** "Mod+Shift+Z" as aria-keyshortcuts writes it: "Control+Shift+Z" (Meta on macOS). */
function ariaShortcut(shortcut: string, mac: boolean): string {
  return shortcut
    .split('+')
    .map((p) => (p === 'Mod' ? (mac ? 'Meta' : 'Control') : p))
    .join('+');
}

export function NodeContextMenu() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const { ui, store } = context;
  const menu = useUi((s) => s.contextMenu);
  const node = useDesigner((s) => (menu ? s.doc.nodes[menu.nodeId] : undefined));
  const close = useCallback(() => ui.getState().set({ contextMenu: null }), [ui]);
  if (!menu || !node) return null;
  const mac = isMacPlatform();
  const command = (id: CommandId, label = commandLabel(id)): MenuItem => {
    const first = getCommand(id).shortcuts[0];
    return {
      key: id,
      label,
      shortcut: first
        ? { shown: formatShortcut(first, mac), aria: ariaShortcut(first, mac) }
        : undefined,
      onSelect: () => {
        store.getState().select([node.id]);
        void runCommand(context, getCommand(id)).then((ok) => {
          // A duplicate is selected once made: give it focus, as a new node gets.
          const [selected] = store.getState().selection.nodes;
          if (ok && id === 'duplicate' && selected && selected !== node.id) {
            context.view?.reveal(selected);
            context.view?.focusNode(selected);
          }
        });
      },
    };
  };
  const items: MenuItem[] = [
    command('addAfter', t('keyboard.addAfter')),
    ...handleRows(node).map((row) => ({
      key: `connect:${row.handle}`,
      label: t('keyboard.connectTo', { label: row.label }),
      onSelect: () => {
        ui.getState().set({
          connectFrom: { source: node.id, sourceHandle: row.handle, label: row.label },
          searchOpen: true,
        });
      },
    })),
    {
      key: 'edit',
      label: t('keyboard.edit'),
      onSelect: () => {
        store.getState().select([node.id]);
        store.getState().focusField(node.id, FIRST_FIELD);
      },
    },
    command('duplicate'),
    command('delete'),
  ];
  return (
    <Menu
      key={`${menu.nodeId}:${menu.x}:${menu.y}`}
      label={t('keyboard.nodeMenu', { node: t(`nodes.${node.type}.label`) })}
      className="tl-node-menu"
      items={items}
      x={menu.x}
      y={menu.y}
      onClose={close}
    />
  );
}
