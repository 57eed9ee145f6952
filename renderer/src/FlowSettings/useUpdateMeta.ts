import { useCallback } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import type { FlowMeta } from '../store/designerDocument';

/** Edits the flow's settings; like node fields, typing in one field is one undo step. */
export function useUpdateMeta() {
  const { store } = useDesignerContext();
  return useCallback(
    (recipe: (meta: FlowMeta) => FlowMeta, field?: string) =>
      store
        .getState()
        .change(
          (doc) => ({ ...doc, meta: recipe(doc.meta) }),
          field ? { kind: 'merge', key: `meta:${field}` } : { kind: 'push' },
        ),
    [store],
  );
}
