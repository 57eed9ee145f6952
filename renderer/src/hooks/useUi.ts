import { useStore } from 'zustand';
import { useDesignerContext } from '../designer/DesignerContext';
import type { UiState } from '../store/uiStore';

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useDesignerContext().ui, selector);
}
