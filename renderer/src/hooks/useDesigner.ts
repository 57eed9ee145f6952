import { useStore } from 'zustand';
import { useDesignerContext } from '../designer/DesignerContext';
import type { DesignerState } from '../store/designerStore';

/** Selects from the designer store; the component re-renders only when the selection changes. */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerContext().store, selector);
}
