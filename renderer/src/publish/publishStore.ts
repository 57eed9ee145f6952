// The publish feature's view state, one store per designer window (context.publish): the dialog's
// machine state, the runtime connection as the host reports it and the runtime's active revision.
// Kept apart from the document and its history; the draft's own revision is in the derived store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RuntimeConnection } from '../../../electron/host-api';
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
}

export type PublishStore = StoreApi<PublishView> & { dispatch(event: PublishEvent): void };

export function createPublishStore(): PublishStore {
  const store = createStore<PublishView>()(() => ({
    dialog: null,
    prepared: null,
    connection: undefined,
    active: { state: 'unknown' },
  }));
  return Object.assign(store, {
    dispatch(event: PublishEvent) {
      const dialog = store.getState().dialog;
      if (dialog) store.setState({ dialog: publishReducer(dialog, event) });
    },
  });
}
