import { useDesigner } from '../hooks/useDesigner';

export function useProblemCounts(): { errors: number; warnings: number } {
  const errors = useDesigner((s) => s.problems.filter((p) => p.severity === 'error').length);
  const warnings = useDesigner((s) => s.problems.length) - errors;
  return { errors, warnings };
}
