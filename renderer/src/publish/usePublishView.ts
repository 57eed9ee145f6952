import { useStore } from 'zustand';
import { useDesignerContext } from '../designer/DesignerContext';
import { publishStoreOf, type PublishView } from './publishStore';

/** Selects from this window's publish store. */
export function usePublishView<T>(selector: (view: PublishView) => T): T {
  return useStore(publishStoreOf(useDesignerContext()), selector);
}
