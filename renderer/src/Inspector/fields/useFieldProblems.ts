import { useContext, useMemo } from 'react';
import { useDesigner } from '../../hooks/useDesigner';
import type { Problem } from '../../store/problem';
import { InspectorScope } from './InspectorScope';

const NONE: Problem[] = [];

/** Lint problems of one field of the node in scope (or of the flow settings). */
export function useFieldProblems(field: string | undefined): Problem[] {
  const nodeId = useContext(InspectorScope);
  const problems = useDesigner((s) => s.problems);
  return useMemo(() => {
    if (!field) return NONE;
    const found = problems.filter(
      (p) =>
        (p.nodeId ?? null) === nodeId &&
        p.field !== undefined &&
        (p.field === field || p.field.startsWith(`${field}.`)),
    );
    return found.length ? found : NONE;
  }, [problems, nodeId, field]);
}
