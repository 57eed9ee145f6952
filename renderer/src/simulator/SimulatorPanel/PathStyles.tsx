// Draws the newest exchange's path on the canvas edges. Edges are React Flow's own elements,
// found by their data-id, so the designer's edge code needs no simulator hook; ids are
// [A-Za-z0-9_-] (docs/format.md §1), safe inside a quoted attribute selector.
import { useMemo } from 'react';
import { useDesigner } from '../../hooks/useDesigner';
import { useSimulator } from '../store';

export function PathStyles() {
  const handles = useSimulator((s) => s.highlight.handles);
  const edges = useDesigner((s) => s.doc.edges);
  const css = useMemo(() => {
    const taken = Object.values(edges).filter((e) => handles.has(`${e.source}:${e.sourceHandle}`));
    if (!taken.length) return '';
    const selector = taken
      .map((e) => `.react-flow__edge[data-id="${e.id}"] .react-flow__edge-path`)
      .join(',\n');
    return `${selector} { stroke: var(--tl-sim-blue); stroke-width: 2.5px; }`;
  }, [edges, handles]);
  return css ? <style>{css}</style> : null;
}
