// After an edge is dropped on empty canvas: pick the type of node to create there, connected.
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';
import { useEffect, useRef } from 'react';
import { addNodeAt } from '../commands/addNode';
import { useDesignerContext } from '../designer/DesignerContext';
import { useUi } from '../hooks/useUi';
import { hasInputHandle } from '../../../flows';
import { NODE_CATALOG, PALETTE_ORDER } from '../nodeTypes/catalog';

const CONNECTABLE = PALETTE_ORDER.filter(hasInputHandle);

export function ConnectMenu() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const { ui } = context;
  const menu = useUi((s) => s.connectMenu);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [menu]);
  if (!menu) return null;
  const close = () => ui.getState().set({ connectMenu: null });
  return (
    <div
      role="menu"
      aria-label={t('connectMenu.label')}
      className="tl-popover tl-connect-menu"
      style={{ left: menu.x, top: menu.y, position: 'fixed' }}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      {CONNECTABLE.map((type, i) => (
        <button
          key={type}
          role="menuitem"
          ref={i === 0 ? first : undefined}
          onClick={() => {
            const id = addNodeAt(
              context,
              type,
              { x: menu.flowX, y: menu.flowY - 20 },
              {
                from: { source: menu.source, sourceHandle: menu.sourceHandle },
                placement: 'exact',
              },
            );
            close();
            requestAnimationFrame(() => requestAnimationFrame(() => context.view?.reveal(id)));
          }}
        >
          <Icon name={NODE_CATALOG[type].icon} size={14} /> {t(`nodes.${type}.label`)}
        </button>
      ))}
      <button role="menuitem" className="tl-muted" onClick={close}>
        {t('dialogs.cancel')}
      </button>
    </div>
  );
}
