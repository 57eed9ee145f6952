// The tester's taps and typing as engine events, and the line the chat shows for each. Menu and
// ice-breaker payloads are written the way the runtime's Messenger profile writes them, so the
// engine treats them exactly as it would there.
import { t } from '../i18n';
import type { EngineEvent, OutButton, OutQuickReply } from '../../../flows/engine';
import { encodePayload } from '../../../flows/messenger';

let simulatedComments = 0;

export const userEvents = {
  text: (text: string): EngineEvent => ({ type: 'text', text }),
  image: (url: string): EngineEvent => ({ type: 'attachment', attachmentType: 'image', url }),
  getStarted: (): EngineEvent => ({ type: 'get_started' }),
  referral: (ref: string): EngineEvent => ({ type: 'referral', ref }),
  /** A comment on a post of the Page; each gets its own id, as on Facebook. */
  comment: (postId: string, text: string): EngineEvent => ({
    type: 'comment',
    commentId: `${postId}_sim${++simulatedComments}`,
    postId,
    text,
  }),
  handBack: (): EngineEvent => ({ type: 'handover_returned' }),
  quickReply(reply: Extract<OutQuickReply, { type: 'text' }>): EngineEvent {
    return { type: 'quick_reply', payload: reply.payload, text: reply.title };
  },
  /** A user_email / user_phone_number reply carries the address itself (Messenger's payload). */
  profileReply: (value: string): EngineEvent => ({
    type: 'quick_reply',
    payload: value,
    text: value,
  }),
  postback(button: Extract<OutButton, { type: 'postback' }>): EngineEvent {
    return { type: 'postback', payload: button.payload, title: button.title };
  },
  menu(title: string, target: string): EngineEvent {
    return { type: 'postback', payload: encodePayload({ kind: 'menu', target }), title };
  },
  iceBreaker(question: string, target: string): EngineEvent {
    return { type: 'postback', payload: encodePayload({ kind: 'ice', target }), title: question };
  },
};

/** The line the chat shows for an event, or null for events that show nothing. */
export function describeUserEvent(event: EngineEvent): string | null {
  switch (event.type) {
    case 'text':
      return event.text;
    case 'quick_reply':
      return event.text ?? event.payload;
    case 'postback':
      return event.title ?? event.payload;
    case 'attachment':
      return [event, ...(event.more ?? [])].map((a) => `${a.attachmentType}: ${a.url}`).join('\n');
    case 'other_message':
      return t('simNotes.unreadable', { what: event.what });
    case 'get_started':
      return t('simNotes.getStarted');
    case 'referral':
      return t('simNotes.referral', { ref: event.ref });
    case 'comment':
      return t('simNotes.comment', { postId: event.postId, text: event.text });
    case 'handover_returned':
      return t('simNotes.handoverReturned');
    case 'handover_taken':
      return t('simNotes.handoverTaken');
    case 'resume':
      return t('simNotes.resume');
    case 'http_result':
    case 'start':
      return null;
  }
}
