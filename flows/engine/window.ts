// Messenger's standard messaging window (docs/messenger.md §3): a Page may send a standard message
// only within 24 hours of the person's last action. One decision for the engine (which marks a
// reply outside it as dropped, so the simulator, the scenario runner and the runtime's stats all
// see the same thing) and for the runtime's last check before each Send API call.
import { MESSENGER_LIMITS as L } from '../limits';
import type { DropReason } from './actions';

export const MESSAGING_WINDOW_MS = L.messagingWindowSeconds * 1000;

/** Whether a message sent at `now` is inside the window that the user's last action opened. */
export function windowOpen(lastUserAt: number | null, now: number): boolean {
  return lastUserAt !== null && now - lastUserAt <= MESSAGING_WINDOW_MS;
}

/** How hosts describe a dropped message to people. */
export const DROP_REASON_TEXT: Record<DropReason, string> = {
  'outside-window': 'outside the 24-hour window',
  'private-reply-sent':
    'after the one private reply a comment allows (the user has not written yet)',
};
