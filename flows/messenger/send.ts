// Engine actions as Send API request bodies (docs/messenger.md §2). Only messages and sender actions
// become bodies; pauses, handover, scheduling, HTTP and logs are the host's to perform.
import type {
  EngineAction,
  MessageAction,
  OutButton,
  OutCard,
  OutQuickReply,
} from '../engine/actions';
import type { EngineEvent } from '../engine/events';

/** RESPONSE answers the user; UPDATE is a proactive send inside the 24-hour window (§2.1, §3). */
export type MessagingType = 'RESPONSE' | 'UPDATE';

export type SendButton =
  | { type: 'postback'; title: string; payload: string }
  | { type: 'web_url'; title: string; url: string }
  | { type: 'phone_number'; title: string; payload: string };

export type SendQuickReply =
  | { content_type: 'text'; title: string; payload: string; image_url?: string }
  | { content_type: 'user_email' }
  | { content_type: 'user_phone_number' };

export interface SendElement {
  title: string;
  subtitle?: string;
  image_url?: string;
  default_action?: { type: 'web_url'; url: string };
  buttons?: SendButton[];
}

export type SendAttachment =
  | { type: 'template'; payload: { template_type: 'button'; text: string; buttons: SendButton[] } }
  | { type: 'template'; payload: { template_type: 'generic'; elements: SendElement[] } }
  | { type: 'image' | 'video' | 'audio' | 'file'; payload: { url: string; is_reusable: true } };

export interface SendMessage {
  text?: string;
  attachment?: SendAttachment;
  quick_replies?: SendQuickReply[];
}

export type SendBody =
  | {
      /** `comment_id`: a private reply to a comment (docs/events.md "Comments"). */
      recipient: { id: string } | { comment_id: string };
      messaging_type: MessagingType;
      message: SendMessage;
    }
  | { recipient: { id: string }; sender_action: 'typing_on' | 'typing_off' | 'mark_seen' };

/**
 * A resumed delay and a start by the host (broadcast, start-flow API) write unprompted (UPDATE);
 * everything else answers something the user did. Never MESSAGE_TAG: no tag may carry
 * promotional content (docs/messenger.md §2.2).
 */
export function messagingTypeFor(event: EngineEvent): MessagingType {
  return event.type === 'resume' || event.type === 'start' ? 'UPDATE' : 'RESPONSE';
}

export function sendBodies(
  actions: EngineAction[],
  psid: string,
  messagingType: MessagingType,
): SendBody[] {
  const bodies: SendBody[] = [];
  for (const action of actions) {
    const body = sendBody(action, psid, messagingType);
    if (body) bodies.push(body);
  }
  return bodies;
}

export function sendBody(
  action: EngineAction,
  psid: string,
  messagingType: MessagingType,
): SendBody | null {
  const recipient = { id: psid };
  if (action.type === 'typing')
    return { recipient, sender_action: action.on ? 'typing_on' : 'typing_off' };
  if (action.type !== 'send_text' && action.type !== 'send_cards' && action.type !== 'send_media')
    return null;
  return {
    recipient: action.commentId !== undefined ? { comment_id: action.commentId } : recipient,
    messaging_type: messagingType,
    message: message(action),
  };
}

/** Whether a Send API body is a private reply: it needs no open window, only a fresh comment. */
export function isPrivateReply(body: unknown): boolean {
  const recipient = (body as { recipient?: { comment_id?: unknown } } | null)?.recipient;
  return typeof recipient?.comment_id === 'string';
}

export function markSeenBody(psid: string): SendBody {
  return { recipient: { id: psid }, sender_action: 'mark_seen' };
}

function message(action: MessageAction): SendMessage {
  const out: SendMessage = {};
  if (action.type === 'send_text') {
    if (action.buttons?.length)
      out.attachment = {
        type: 'template',
        payload: {
          template_type: 'button',
          text: action.text,
          buttons: action.buttons.map(button),
        },
      };
    else out.text = action.text;
  } else if (action.type === 'send_cards') {
    out.attachment = {
      type: 'template',
      payload: { template_type: 'generic', elements: action.cards.map(element) },
    };
  } else {
    out.attachment = { type: action.mediaType, payload: { url: action.url, is_reusable: true } };
  }
  if (action.quickReplies?.length) out.quick_replies = action.quickReplies.map(quickReply);
  return out;
}

function button(b: OutButton): SendButton {
  if (b.type === 'postback') return { type: 'postback', title: b.title, payload: b.payload };
  if (b.type === 'url') return { type: 'web_url', title: b.title, url: b.url };
  return { type: 'phone_number', title: b.title, payload: b.phone };
}

function element(card: OutCard): SendElement {
  const e: SendElement = { title: card.title };
  if (card.subtitle !== undefined) e.subtitle = card.subtitle;
  if (card.imageUrl !== undefined) e.image_url = card.imageUrl;
  if (card.url !== undefined) e.default_action = { type: 'web_url', url: card.url };
  if (card.buttons?.length) e.buttons = card.buttons.map(button);
  return e;
}

function quickReply(q: OutQuickReply): SendQuickReply {
  if (q.type === 'user_email') return { content_type: 'user_email' };
  if (q.type === 'user_phone_number') return { content_type: 'user_phone_number' };
  const out: SendQuickReply = { content_type: 'text', title: q.title, payload: q.payload };
  if (q.imageUrl !== undefined) out.image_url = q.imageUrl;
  return out;
}
