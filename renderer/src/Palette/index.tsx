// Node types grouped as Send, Ask, Logic, Actions, Flow. Drag one onto the canvas, or click (or
// press Enter) to add it at the centre of the view.
import { Icon } from '../Icon';
import { useCallback, type DragEvent } from 'react';
import type { NodeType } from '../../../flows/schema';
import { addNodeAt } from '../commands/addNode';
import { PALETTE_MIME } from '../Canvas/usePaletteDrop';
import { useDesignerContext } from '../designer/DesignerContext';
import { NODE_CATALOG, NODE_GROUPS, PALETTE_ORDER } from '../nodeTypes/catalog';

export function Palette() {
  const context = useDesignerContext();
  const add = useCallback(
    (type: NodeType) => {
      const centre = context.view?.centre() ?? { x: 0, y: 0 };
      addNodeAt(context.store, type, { x: centre.x - 120, y: centre.y - 40 });
    },
    [context],
  );
  const startDrag = (type: NodeType) => (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <section aria-label="Palette" className="tl-palette">
      {NODE_GROUPS.map((group) => (
        <section key={group} className={`tl-palette-group tl-group-${group.toLowerCase()}`}>
          <h2>{group}</h2>
          {PALETTE_ORDER.filter((t) => NODE_CATALOG[t].group === group).map((type) => {
            const info = NODE_CATALOG[type];
            return (
              <button
                key={type}
                type="button"
                className="tl-palette-item"
                draggable
                onDragStart={startDrag(type)}
                onClick={() => add(type)}
                aria-label={info.label}
                title={`${info.hint}. Drag onto the canvas, or click to add.`}
              >
                <span className="tl-palette-icon" aria-hidden>
                  <Icon name={info.icon} />
                </span>
                <span className="tl-palette-text">
                  <span className="tl-palette-label">{info.label}</span>
                  <span className="tl-palette-hint">{info.hint}</span>
                </span>
              </button>
            );
          })}
        </section>
      ))}
    </section>
  );
}
