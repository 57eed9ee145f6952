// The status bar's "draft or published": the current document's compiled revision against the
// active revision on the connected runtime. Compiles only while a runtime is connected, a moment
// after the last edit, so that typing stays smooth on big flows.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compileFlow } from '../../../flows';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';
import { toFlowDocument } from '../store/designerDocument';
import { shortRevision } from './machine';
import { refreshPublished } from './publishActions';
import { publishStoreOf, type PublishView } from './publishStore';
import { usePublishView } from './usePublishView';

const DEBOUNCE_MS = 500;

export interface PublishStatus {
  text: string;
  title: string;
  tone: 'published' | 'draft' | 'none';
}

export function usePublishStatus(): PublishStatus {
  const context = useDesignerContext();
  const flowId = useDesigner((s) => s.doc.meta.id);
  // A boolean, not the document: the status bar must not re-render on every drag frame.
  const draftDoc = usePublishView((v) => v.draft?.doc ?? null);
  const compiledIsCurrent = useDesigner((s) => s.doc === draftDoc);
  const connected = usePublishView((v) => Boolean(v.connection));
  useEffect(() => {
    void refreshPublished(context, getHost());
  }, [context, flowId]);
  useEffect(() => {
    if (!connected) return;
    const publish = publishStoreOf(context);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compile = () => {
      const doc = context.store.getState().doc;
      const result = compileFlow(toFlowDocument(doc));
      publish.setState({ draft: { doc, revision: result.ok ? result.compiled.revision : null } });
    };
    compile();
    const unsubscribe = context.store.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      clearTimeout(timer);
      timer = setTimeout(compile, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [context, connected]);
  // Shallow equality: a fresh object with the same words does not re-render the status bar.
  return usePublishView(useShallow((v) => describeStatus(v, flowId, compiledIsCurrent)));
}

/** Pure: the status bar's words for the publish view of flow `flowId`. */
export function describeStatus(
  view: PublishView,
  flowId: string,
  /** Whether `view.draft` was compiled from the document open now. */
  compiledIsCurrent: boolean,
): PublishStatus {
  const { connection, active, draft } = view;
  if (!connection) return { text: 'Not connected', title: 'No runtime connected', tone: 'none' };
  if (active.state === 'unreachable')
    return { text: 'Not connected', title: active.message, tone: 'none' };
  if (
    active.state === 'published' &&
    active.flowId === flowId &&
    // Until the edited document is compiled again (a moment after the edit), it is a draft.
    compiledIsCurrent &&
    draft?.revision === active.revision
  ) {
    const title = `The draft is the active revision ${active.revision} on ${connection.url}`;
    return { text: `Published (rev ${shortRevision(active.revision)})`, title, tone: 'published' };
  }
  const title =
    active.state === 'published'
      ? `${connection.url} runs rev ${shortRevision(active.revision)}`
      : `Not published to ${connection.url} yet`;
  return { text: 'Draft: changes not published', title, tone: 'draft' };
}
