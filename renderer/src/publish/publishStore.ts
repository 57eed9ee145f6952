// The publish feature's view state, one store per designer window: the dialog's machine state,
// the runtime connection as the host reports it, the runtime's active revision and the draft's
// own revision (for the status bar). Kept apart from the document and its history.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RuntimeConnection } from '../../../electron/host-api';
import type { CommandContext } from '../commands/command';
import type { DesignerDocument } from '../store/designerDocument';
import { publishReducer, type PublishEvent, type PublishState } from './machine';

export type ActiveRevision =
  | { state: 'unknown' }
  | { state: 'none'; flowId: string }
  | { state: 'published'; flowId: string; revision: string }
  | { state: 'unreachable'; message: string };

export interface PublishView {
  /** Null while the dialog is closed. */
  dialog: PublishState | null;
  /** The compiled flow waiting for the user's confirmation. */
  prepared: { flowId: string; json: string } | null;
  /** Undefined until the host has answered. */
  connection: RuntimeConnection | null | undefined;
  active: ActiveRevision;
  /** A document's compiled revision (null with lint errors), and the document it is for. */
  draft: { doc: DesignerDocument; revision: string | null } | null;
}

export type PublishStore = StoreApi<PublishView> & { dispatch(event: PublishEvent): void };

const stores = new WeakMap<object, PublishStore>();

export function createPublishStore(): PublishStore {
  const store = createStore<PublishView>()(() => ({
    dialog: null,
    prepared: null,
    connection: undefined,
    active: { state: 'unknown' },
    draft: null,
  }));
  return Object.assign(store, {
    dispatch(event: PublishEvent) {
      const dialog = store.getState().dialog;
      if (dialog) store.setState({ dialog: publishReducer(dialog, event) });
    },
  });
}

/** The publish store of a designer window (created on first use). */
export function publishStoreOf(context: Pick<CommandContext, 'ui'>): PublishStore {
  let store = stores.get(context.ui);
  if (!store) stores.set(context.ui, (store = createPublishStore()));
  return store;
}
