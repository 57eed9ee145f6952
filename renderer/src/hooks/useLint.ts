import { useEffect } from 'react';
import { lintFlow } from '../../../flows';
import { useDesignerContext } from '../designer/DesignerContext';
import { toFlowDocument } from '../store/designerDocument';
import { toProblems } from '../store/toProblems';

const DEBOUNCE_MS = 300;

/** Lints the document a moment after the last edit, so typing stays smooth. */
export function useLint() {
  const { store } = useDesignerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () =>
      store.getState().setProblems(toProblems(lintFlow(toFlowDocument(store.getState().doc))));
    // The first lint waits for the flow's first frame, so a large flow is on screen sooner.
    const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
