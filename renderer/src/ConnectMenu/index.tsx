// Pick the type of node to create, connected from an output: after an edge is dropped on empty
// canvas, or from "Add after…" (Ctrl+Enter or the node's context menu). The new node gets focus.
import { useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import { Icon } from '../Icon';
import { addNodeAt } from '../commands/addNode';
import { useDesignerContext } from '../designer/DesignerContext';
import { useUi } from '../hooks/useUi';
import { Menu, type MenuItem } from '../Menu';
import { hasInputHandle } from '../../../flows';
import { NODE_CATALOG, PALETTE_ORDER } from '../nodeTypes/catalog';

const CONNECTABLE = PALETTE_ORDER.filter(hasInputHandle);

export function ConnectMenu() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const { ui } = context;
  const menu = useUi((s) => s.connectMenu);
  const close = useCallback(() => ui.getState().set({ connectMenu: null }), [ui]);
  if (!menu) return null;
  const items: MenuItem[] = CONNECTABLE.map((type) => ({
    key: type,
    label: t(`nodes.${type}.label`),
    icon: <Icon name={NODE_CATALOG[type].icon} size={14} />,
    onSelect: () => {
      const id = addNodeAt(
        context,
        type,
        { x: menu.flowX, y: menu.flowY - 20 },
        {
          from: { source: menu.source, sourceHandle: menu.sourceHandle },
          placement: 'exact',
        },
      );
      requestAnimationFrame(() => requestAnimationFrame(() => context.view?.reveal(id)));
      context.view?.focusNode(id);
    },
  }));
  items.push({ key: 'cancel', label: t('dialogs.cancel'), onSelect: () => undefined });
  return (
    <Menu
      // A new menu (another output, another place) starts afresh, focus on its first item.
      key={`${menu.source}:${menu.sourceHandle}:${menu.x}:${menu.y}`}
      label={t('connectMenu.label')}
      className="tl-connect-menu"
      items={items}
      x={menu.x}
      y={menu.y}
      onClose={close}
    />
  );
}
