// What the Revisions panel does, on a designer window's stores and the host: list the connected
// runtime's revisions of the open flow, compare one with the draft or show it read-only (the
// runtime serves any revision's compiled flow; a copy this designer kept, publishedCache.ts, saves
// the trip, since a revision's content never changes), and roll back after the user confirms.
import type { HostApi } from '../../../electron/host-api';
import { compileFlow } from '../../../flows';
import type { CompiledFlow } from '../../../flows/schema';
import type { CommandContext } from '../commands/command';
import { t } from '../i18n';
import { shortRevision } from '../publish/machine';
import { publishedFlows, refreshPublished } from '../publish/publishActions';
import type { RevisionsView } from '../publish/publishStore';
import { describeHostError, readActive, readPublishResult } from '../publish/runtimeAnswers';
import { readRevisions } from '../publish/runtimeReads';
import { toFlowDocument } from '../store/designerDocument';
import { confirm } from '../store/uiStore';

type Context = Pick<CommandContext, 'ui' | 'store' | 'publish'>;

function patch(context: Context, change: Partial<RevisionsView>): void {
  const { publish } = context;
  publish.setState({ revisions: { ...publish.getState().revisions, ...change } });
}

/** Opens or closes the panel; the panel loads the list when it opens (RevisionsPanel). */
export function toggleRevisions(context: Context): void {
  const open = !context.publish.getState().revisions.open;
  patch(context, { open, shown: null, message: null });
}

/** Lists the open flow's revisions; `keepShown: false` also drops a shown comparison. */
export async function loadRevisions(
  context: Context,
  host: HostApi,
  options: { keepShown?: boolean } = {},
): Promise<void> {
  const flowId = context.store.getState().doc.meta.id;
  if (options.keepShown === false) patch(context, { shown: null });
  const connection = context.publish.getState().connection ?? (await host.runtime.connection());
  if (!connection) return patch(context, { list: null, error: t('revisions.noRuntime') });
  patch(context, { loading: true });
  try {
    // Older runtimes do not say how many nodes a revision has; a kept copy does.
    const list = readRevisions(await host.runtime.revisions(flowId)).map((r) => ({
      ...r,
      nodeCount: r.nodeCount ?? publishedFlows.recall(flowId, r.revision)?.steps.length ?? null,
    }));
    patch(context, { loading: false, list, error: null });
  } catch (error) {
    patch(context, { loading: false, error: describeHostError(error, connection.url).title });
  }
}

/** Compares a revision with the draft, or shows it read-only. */
export async function showRevision(
  context: Context,
  host: HostApi,
  revision: string,
  mode: 'compare' | 'view',
): Promise<void> {
  const flowId = context.store.getState().doc.meta.id;
  let flow = publishedFlows.recall(flowId, revision);
  let failure: string | null = null;
  if (!flow) {
    try {
      flow = await fetchRevision(host, flowId, revision);
    } catch (error) {
      const url = context.publish.getState().connection?.url ?? null;
      failure = describeHostError(error, url).title;
    }
  }
  if (!flow)
    return patch(context, {
      shown: null,
      message: {
        error: true,
        text: failure ?? t('revisions.unknownContent', { revision: shortRevision(revision) }),
      },
    });
  patch(context, { shown: { mode, revision, flow }, message: null });
}

/**
 * A revision's compiled flow from the runtime (GET /api/flows/:flowId/revisions/:rev), kept for
 * next time; null when the runtime does not have it. A runtime from before that route answers
 * 404 too: then the active revision is the one whose content it still tells.
 */
async function fetchRevision(
  host: HostApi,
  flowId: string,
  revision: string,
): Promise<CompiledFlow | null> {
  const one = readActive(await host.runtime.revision(flowId, revision));
  if (one?.flow && one.revision === revision) {
    publishedFlows.remember(one.flow);
    return one.flow;
  }
  const active = readActive(await host.runtime.active(flowId));
  if (active?.flow) publishedFlows.remember(active.flow);
  return active?.revision === revision ? active.flow : null;
}

/** The draft compiled, or null while it has lint errors. */
export function compileDraft(context: Pick<CommandContext, 'store'>): CompiledFlow | null {
  const result = compileFlow(toFlowDocument(context.store.getState().doc));
  return result.ok ? result.compiled : null;
}

/** Asks, then makes `revision` the active one again. */
export async function rollbackTo(context: Context, host: HostApi, revision: string): Promise<void> {
  const short = shortRevision(revision);
  const ok = await confirm(
    context.ui,
    t('revisions.rollbackTitle', { revision: short }),
    t('revisions.rollbackMessage', { revision: short }),
    t('revisions.rollbackConfirm'),
  );
  if (!ok) return;
  const flowId = context.store.getState().doc.meta.id;
  const url = context.publish.getState().connection?.url ?? null;
  try {
    const answer = readPublishResult(await host.runtime.rollback(flowId, revision));
    if (!answer.ok) {
      const text = [answer.failure.title, ...answer.failure.lines].join(': ');
      return patch(context, { message: { error: true, text } });
    }
    patch(context, {
      message: { error: false, text: t('revisions.rolledBack', { revision: short }) },
    });
  } catch (error) {
    return patch(context, { message: { error: true, text: describeHostError(error, url).title } });
  }
  await Promise.all([loadRevisions(context, host), refreshPublished(context, host)]);
}
