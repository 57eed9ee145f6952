// Handing a thread to people (docs/messenger.md §5): pass_thread_control to the Page Inbox app, and
// take_thread_control to take it back when a rule-1 event comes meanwhile (docs/format.md §2).

/** The Page Inbox's app id: passing control to it puts the thread in front of the Page's team. */
export const PAGE_INBOX_APP_ID = 263902037430900;
const METADATA_MAX = 1000;

export interface PassThreadControlBody {
  recipient: { id: string };
  target_app_id: number;
  metadata?: string;
}

export function passThreadControlBody(psid: string, note?: string): PassThreadControlBody {
  const body: PassThreadControlBody = { recipient: { id: psid }, target_app_id: PAGE_INBOX_APP_ID };
  if (note) body.metadata = [...note].slice(0, METADATA_MAX).join('');
  return body;
}

export interface TakeThreadControlBody {
  recipient: { id: string };
}

/** Taking the thread back from whichever app has it (our app is the Page's primary receiver). */
export function takeThreadControlBody(psid: string): TakeThreadControlBody {
  return { recipient: { id: psid } };
}
