// What the designer derives from its document: the lint findings and, while something needs it
// (the simulator panel, the status bar with a runtime connected), the compiled flow. Derived once
// per document version, keyed by the document object's identity, a moment after the last edit so
// that typing stays smooth, and shared: the Problems panel, the simulator and the publish status
// all read this store instead of linting and compiling the same document each on its own.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { compileFlow, lintFlow, type CompileResult, type LintFinding } from '../../../flows';
import { toFlowDocument, type DesignerDocument } from './designerDocument';
import type { DesignerStore } from './designerStore';

export const DERIVE_DEBOUNCE_MS = 300;

export interface Derived {
  /** The document version the results are for; null before the first derivation. */
  doc: DesignerDocument | null;
  findings: readonly LintFinding[];
  /** The compiled flow of `doc`; null while nothing needs it. */
  compiled: CompileResult | null;
}

export interface DerivedStore extends StoreApi<Derived> {
  /** Derives for the current document now unless that is done already (a pending run is dropped). */
  flush(): Derived;
  /** Derives a moment after each edit from now on; returns the function that stops it. */
  start(): () => void;
  /** Asks for the compiled flow too, until the returned release is called. */
  needCompiled(): () => void;
}

export function createDerivedStore(
  source: DesignerStore,
  debounceMs = DERIVE_DEBOUNCE_MS,
): DerivedStore {
  const store = createStore<Derived>()(() => ({ doc: null, findings: [], compiled: null }));
  let compiledNeeds = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): Derived => {
    clearTimeout(timer);
    timer = undefined;
    const doc = source.getState().doc;
    const current = store.getState();
    const wantCompiled = compiledNeeds > 0;
    if (current.doc === doc && (current.compiled || !wantCompiled)) return current;
    const flow = toFlowDocument(doc);
    // Compiling lints first; it is handed the findings so the document is linted once.
    const findings = current.doc === doc ? current.findings : lintFlow(flow);
    const compiled = wantCompiled ? compileFlow(flow, { findings, check: false }) : null;
    store.setState({ doc, findings, compiled });
    return store.getState();
  };

  return Object.assign(store, {
    flush,
    start() {
      const unsubscribe = source.subscribe((state, previous) => {
        if (state.doc === previous.doc) return;
        clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      return () => {
        clearTimeout(timer);
        unsubscribe();
      };
    },
    needCompiled() {
      compiledNeeds++;
      let released = false;
      return () => {
        if (!released) compiledNeeds--;
        released = true;
      };
    },
  });
}
