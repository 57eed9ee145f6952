// Node types grouped as Send, Ask, Logic, Actions, Flow. Drag one onto the canvas, or click (or
// press Enter) to add it at the centre of the view.
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';
import { useCallback, type DragEvent } from 'react';
import type { NodeType } from '../../../flows/schema';
import { addNodeAt } from '../commands/addNode';
import { PALETTE_MIME } from '../Canvas/usePaletteDrop';
import { useDesignerContext } from '../designer/DesignerContext';
import { NODE_CATALOG, NODE_GROUPS, PALETTE_ORDER } from '../nodeTypes/catalog';

export function Palette() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const add = useCallback(
    (type: NodeType) => {
      // Next to the selected node, as the next step of the conversation; else mid-view.
      const { doc, selection } = context.store.getState();
      const selected = selection.nodes.size === 1 ? doc.nodes[[...selection.nodes][0]!] : undefined;
      const centre = context.view?.centre() ?? { x: 0, y: 0 };
      const at = selected
        ? { x: selected.position.x + 320, y: selected.position.y }
        : { x: centre.x - 120, y: centre.y - 40 };
      const id = addNodeAt(context, type, at);
      // Measured on the next frame; then bring it into view if it landed outside.
      requestAnimationFrame(() => requestAnimationFrame(() => context.view?.reveal(id)));
    },
    [context],
  );
  const startDrag = (type: NodeType) => (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <section aria-label={t('palette.label')} className="tl-palette">
      {NODE_GROUPS.map((group) => (
        <section key={group} className={`tl-palette-group tl-group-${group.toLowerCase()}`}>
          <h2>{t(`palette.groups.${group}`)}</h2>
          {PALETTE_ORDER.filter((t) => NODE_CATALOG[t].group === group).map((type) => {
            const info = NODE_CATALOG[type];
            const label = t(`nodes.${type}.label`);
            const hint = t(`nodes.${type}.hint`);
            return (
              <button
                key={type}
                type="button"
                className="tl-palette-item"
                draggable
                onDragStart={startDrag(type)}
                onClick={() => add(type)}
                aria-label={label}
                aria-describedby={`tl-palette-hint-${type}`}
                title={t('palette.itemTitle', { hint })}
              >
                <span className="tl-palette-icon" aria-hidden>
                  <Icon name={info.icon} />
                </span>
                <span className="tl-palette-text">
                  <span className="tl-palette-label">{label}</span>
                  {/* The hint is the button's description, not part of its name (the type's label):
                      drawn from data-hint by CSS, read from the hidden copy. */}
                  <span className="tl-palette-hint" data-hint={hint} aria-hidden />
                  <span id={`tl-palette-hint-${type}`} hidden>
                    {hint}
                  </span>
                </span>
              </button>
            );
          })}
        </section>
      ))}
    </section>
  );
}
