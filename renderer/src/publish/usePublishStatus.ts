// The status bar's "draft or published": the current document's compiled revision against the
// active revision on the connected runtime. While a runtime is connected it asks the derived store
// for the compiled flow, which compiles each document version once, a moment after the last edit,
// so that typing stays smooth on big flows.
import { t } from '../i18n';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CommandContext } from '../commands/command';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';
import type { Derived } from '../store/derivedStore';
import type { DesignerDocument } from '../store/designerDocument';
import { shortRevision } from './machine';
import { refreshPublished } from './publishActions';
import type { PublishView } from './publishStore';
import { usePublishView } from './usePublishView';

export interface PublishStatus {
  text: string;
  title: string;
  tone: 'published' | 'draft' | 'none';
}

/** A document's compiled revision (null with lint errors), and the document it is for. */
export type DraftRevision = { doc: DesignerDocument; revision: string | null } | null;

/** What the status bar's words depend on. */
export type StatusView = Pick<PublishView, 'connection' | 'active'> & { draft: DraftRevision };

/** The draft revision in the derived store, or null until it holds a compiled flow. */
export function draftRevision({ doc, compiled }: Pick<Derived, 'doc' | 'compiled'>): DraftRevision {
  if (!doc || !compiled) return null;
  return { doc, revision: compiled.ok ? compiled.compiled.revision : null };
}

/**
 * While a runtime is connected, keeps the derived store compiling (compiled at once for the
 * document open now). Returns the release.
 */
export function followDraftRevision({ derived }: Pick<CommandContext, 'derived'>): () => void {
  const release = derived.needCompiled();
  derived.flush();
  return release;
}

export function usePublishStatus(): PublishStatus {
  const context = useDesignerContext();
  const flowId = useDesigner((s) => s.doc.meta.id);
  const derivedDoc = useStore(context.derived, (d) => d.doc);
  const compiled = useStore(context.derived, (d) => d.compiled);
  // A boolean, not the document: the status bar must not re-render on every drag frame.
  const compiledIsCurrent = useDesigner((s) => s.doc === derivedDoc);
  const connected = usePublishView((v) => Boolean(v.connection));
  useEffect(() => {
    void refreshPublished(context, getHost());
  }, [context, flowId]);
  useEffect(() => (connected ? followDraftRevision(context) : undefined), [context, connected]);
  const draft = draftRevision({ doc: derivedDoc, compiled });
  // Shallow equality: a fresh object with the same words does not re-render the status bar.
  return usePublishView(
    useShallow((v) => describeStatus({ ...v, draft }, flowId, compiledIsCurrent)),
  );
}

/** Pure: the status bar's words for the publish view of flow `flowId`. */
export function describeStatus(
  view: StatusView,
  flowId: string,
  /** Whether `view.draft` was compiled from the document open now. */
  compiledIsCurrent: boolean,
): PublishStatus {
  const { connection, active, draft } = view;
  if (!connection)
    return { text: t('status.notConnected'), title: t('status.noRuntime'), tone: 'none' };
  if (active.state === 'unreachable')
    return { text: t('status.notConnected'), title: active.message, tone: 'none' };
  if (
    active.state === 'published' &&
    active.flowId === flowId &&
    // Until the edited document is compiled again (a moment after the edit), it is a draft.
    compiledIsCurrent &&
    draft?.revision === active.revision
  ) {
    const title = t('status.publishedTitle', { revision: active.revision, url: connection.url });
    const text = t('status.published', { revision: shortRevision(active.revision) });
    return { text, title, tone: 'published' };
  }
  const title =
    active.state === 'published'
      ? t('status.runsRevision', { url: connection.url, revision: shortRevision(active.revision) })
      : t('status.notPublishedYet', { url: connection.url });
  return { text: t('status.draft'), title, tone: 'draft' };
}
