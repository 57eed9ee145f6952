// Where the renderer gets its host: the Electron preload bridge when it is there, else the
// browser-mode client that talks to the loopback host.
import type { HostApi } from '../../../electron/host-api';
import { createWebClient } from './web-client';

declare global {
  interface Window {
    /** Set by the Electron preload bridge (electron/preload). */
    threadline?: HostApi;
  }
}

let host: HostApi | undefined;

export function getHost(): HostApi {
  host ??= window.threadline ?? createWebClient();
  return host;
}
