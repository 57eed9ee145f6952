// The Page the ref triggers' m.me links point to: kept by the host in the designer's settings
// (next to the runtime URL, since a runtime answers one Page), loaded once per window.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { HostApi } from '../../../electron/host-api';

interface PageState {
  /** undefined until loaded. */
  page: string | null | undefined;
  error: string | null;
}

export const pageStore = createStore<PageState>(() => ({ page: undefined, error: null }));

export function usePage(): PageState {
  return useStore(pageStore);
}

let loading: Promise<void> | null = null;

/** Loads the stored Page once. */
export function loadPage(host: HostApi): Promise<void> {
  loading ??= host.settings
    .page()
    .then((page) => pageStore.setState({ page, error: null }))
    .catch((error: unknown) => {
      loading = null;
      pageStore.setState({
        page: null,
        error: error instanceof Error ? error.message : String(error),
      });
    });
  return loading;
}

/** Stores the Page (null forgets it). */
export async function savePage(host: HostApi, page: string | null): Promise<void> {
  await host.settings.setPage(page);
  pageStore.setState({ page, error: null });
}
