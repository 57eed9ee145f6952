// Feeds the designer's current document to the simulator: at once when the panel opens, then a
// moment after each edit (compiling lints the whole flow, so typing stays smooth). Marks the panel
// visible so the canvas shows the chat's path only while it is open.
import { useEffect } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { toFlowDocument } from '../store/designerDocument';
import { simulatorStore } from './store';

const DEBOUNCE_MS = 300;

export function useDraftSync(): void {
  const { store } = useDesignerContext();
  useEffect(() => {
    const load = () => simulatorStore.getState().loadDraft(toFlowDocument(store.getState().doc));
    let timer: ReturnType<typeof setTimeout> | undefined;
    load();
    simulatorStore.getState().setVisible(true);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      simulatorStore.getState().setVisible(false);
    };
  }, [store]);
}
