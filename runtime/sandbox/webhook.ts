// Builds the webhook events a Messenger user causes (docs/messenger.md §1.3-1.4) and posts them to a
// runtime signed with the app secret, exactly as Meta does.
import { randomBytes } from 'node:crypto';
import { signBody } from '../http/signature';

export type UserEvent = Record<string, unknown>;

export function envelope(
  pageId: string,
  time: number,
  events: UserEvent[],
  channel: 'messaging' | 'standby',
) {
  return { object: 'page', entry: [{ id: pageId, time, [channel]: events }] };
}

/** A `feed` change (a comment on a post), as Meta delivers it: `entry[].changes[]`. */
export function feedEnvelope(pageId: string, time: number, value: Record<string, unknown>) {
  return { object: 'page', entry: [{ id: pageId, time, changes: [{ field: 'feed', value }] }] };
}

export function userEvent(
  pageId: string,
  psid: string,
  timestamp: number,
  body: Record<string, unknown>,
): UserEvent {
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp, ...body };
}

export const newMid = () => `m_${randomBytes(12).toString('base64url')}`;

export interface PostResult {
  status: number;
  body: string;
}

export async function postSigned(
  runtimeUrl: string,
  raw: string,
  appSecret: string,
): Promise<PostResult> {
  const response = await fetch(`${runtimeUrl}/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signBody(raw, appSecret),
    },
    body: raw,
  });
  return { status: response.status, body: await response.text() };
}
