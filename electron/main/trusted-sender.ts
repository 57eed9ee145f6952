// IPC is answered only for our own window's main frame, showing our own renderer: a frame that
// somehow navigated elsewhere, or an iframe, gets nothing.
import { originOf } from './url-origin';

export interface SenderInfo {
  /** The WebContents that sent the message. */
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export function isTrustedSender(
  event: SenderInfo,
  ourContents: unknown,
  rendererOrigin: string,
): boolean {
  if (!ourContents || event.sender !== ourContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return originOf(frame.url) === rendererOrigin;
}
