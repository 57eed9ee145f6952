import { useMemo } from 'react';
import { BUILTIN_VARIABLES } from '../../../../flows/schema';
import { useDesigner } from '../../hooks/useDesigner';

/** The flow's variables, then the built-in ones. */
export function useVariableNames(includeBuiltins = true): string[] {
  const variables = useDesigner((s) => s.doc.meta.variables);
  return useMemo(
    () => [...variables.map((v) => v.name), ...(includeBuiltins ? BUILTIN_VARIABLES : [])],
    [variables, includeBuiltins],
  );
}
