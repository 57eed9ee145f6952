// What the Publish command, the dialog's buttons and the connection form do, on a designer
// window's stores and the host.
import type { HostApi } from '../../../electron/host-api';
import type { CommandContext } from '../commands/command';
import { toFlowDocument } from '../store/designerDocument';
import { startPublish } from './machine';
import { createPublishedCache } from './publishedCache';
import { preparePublish, uploadPublish, type PublishDeps } from './runPublish';
import { describeHostError, readActive } from './runtimeAnswers';

type Context = Pick<CommandContext, 'ui' | 'store' | 'publish'>;

/** The compiled revisions this designer knows the content of (see publishedCache.ts). */
export const publishedFlows = createPublishedCache(
  typeof localStorage === 'undefined' ? null : localStorage,
);
const cache = publishedFlows;

function deps(context: Context, host: HostApi): PublishDeps {
  const publish = context.publish;
  return { runtime: host.runtime, cache, dispatch: publish.dispatch };
}

/** Opens the dialog and runs lint, compile and compare; the upload waits for confirmPublish. */
export async function openPublish(context: Context, host: HostApi): Promise<void> {
  const publish = context.publish;
  const running = publish.getState().dialog;
  if (running?.phase === 'running') return;
  publish.setState({ dialog: startPublish(), prepared: null });
  const doc = toFlowDocument(context.store.getState().doc);
  const prepared = await preparePublish(deps(context, host), doc);
  publish.setState({ prepared });
}

export async function confirmPublish(context: Context, host: HostApi): Promise<void> {
  const publish = context.publish;
  const { dialog, prepared } = publish.getState();
  if (dialog?.phase !== 'review' || !prepared) return;
  publish.dispatch({ type: 'confirmed' });
  await uploadPublish(
    deps(context, host),
    prepared,
    publish.getState().connection?.url ?? null,
    dialog.moves,
  );
  const revision = publish.getState().dialog?.revision;
  if (revision)
    publish.setState({
      prepared: null,
      active: { state: 'published', flowId: prepared.flowId, revision },
    });
}

export function closePublish(context: Context): void {
  context.publish.setState({ dialog: null });
}

/** Jumps from the dialog's lint errors to the Problems panel. */
export function showProblems(context: Context): void {
  closePublish(context);
  context.ui.getState().set({ problemsOpen: true });
}

/** Closes the dialog and shows a node of the list of changes on the canvas. */
export function showNode(context: Context & Pick<CommandContext, 'view'>, nodeId: string): void {
  closePublish(context);
  context.store.getState().select([nodeId]);
  context.view?.centreOn(nodeId);
}

/** Asks the host for the connection and the runtime for the flow's active revision. */
export async function refreshPublished(context: Context, host: HostApi): Promise<void> {
  const publish = context.publish;
  const flowId = context.store.getState().doc.meta.id;
  const connection = await host.runtime.connection().catch(() => null);
  publish.setState({ connection });
  if (!connection) return publish.setState({ active: { state: 'unknown' } });
  try {
    const active = readActive(await host.runtime.active(flowId));
    if (active?.flow) cache.remember(active.flow);
    publish.setState({
      active: active
        ? { state: 'published', flowId, revision: active.revision }
        : { state: 'none', flowId },
    });
  } catch (error) {
    publish.setState({
      active: { state: 'unreachable', message: describeHostError(error, connection.url).title },
    });
  }
}
