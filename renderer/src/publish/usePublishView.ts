import { useStore } from 'zustand';
import { useDesignerContext } from '../designer/DesignerContext';
import type { PublishView } from './publishStore';

/** Selects from this window's publish store. */
export function usePublishView<T>(selector: (view: PublishView) => T): T {
  return useStore(useDesignerContext().publish, selector);
}
