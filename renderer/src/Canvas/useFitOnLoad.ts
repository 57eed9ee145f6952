import { useEffect } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';

/** Fits the view to each newly opened document once its nodes have been drawn. */
export function useFitOnLoad() {
  const context = useDesignerContext();
  const loads = useDesigner((s) => s.loads);
  useEffect(() => {
    // Also on start: React Flow's own fitView waits for every node to be measured, which never
    // happens with onlyRenderVisibleElements when some nodes start off screen.
    const timer = setTimeout(() => context.view?.fit(), 120);
    return () => clearTimeout(timer);
  }, [loads, context]);
}
