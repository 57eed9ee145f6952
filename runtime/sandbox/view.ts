// A readable view of a Send API body as the user would see it, for tests and the CLI.
import { MESSENGER_LIMITS as L } from '../../flows';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);

export interface SeenButton {
  title: string;
  type: string;
  payload?: string;
  url?: string;
}

export interface SeenMessage {
  mid: string;
  at: number;
  text?: string;
  quickReplies: { title: string; payload: string; type: string }[];
  buttons: SeenButton[];
  cards: string[];
  /** Each card's buttons, by card title (a gallery's buttons may share titles). */
  cardButtons: { card: string; buttons: SeenButton[] }[];
  /** The template type for media and receipt templates. */
  template?: string;
  attachment?: { type: string; url?: string };
  /** The Send API body exactly as received. */
  body: Obj;
}

export function viewMessage(body: Obj, mid: string, at: number): SeenMessage {
  const message = obj(body.message);
  const seen: SeenMessage = {
    mid,
    at,
    quickReplies: [],
    buttons: [],
    cards: [],
    cardButtons: [],
    body,
  };
  if (typeof message.text === 'string') seen.text = message.text;
  // Messenger shows a quick reply's title cut to 20 characters (docs/messenger.md §2.4).
  seen.quickReplies = arr(message.quick_replies).map((q) => ({
    title: [...String(q.title ?? '')].slice(0, L.quickReplyTitleLength).join(''),
    payload: String(q.payload ?? ''),
    type: String(q.content_type),
  }));
  const attachment = obj(message.attachment);
  const payload = obj(attachment.payload);
  const toButton = (b: Obj): SeenButton => ({
    title: String(b.title ?? ''),
    type: String(b.type),
    ...(typeof b.payload === 'string' ? { payload: b.payload } : {}),
    ...(typeof b.url === 'string' ? { url: b.url } : {}),
  });
  if (attachment.type === 'template' && payload.template_type === 'button') {
    seen.text = String(payload.text ?? '');
    seen.buttons = arr(payload.buttons).map(toButton);
  } else if (attachment.type === 'template' && payload.template_type === 'generic') {
    const elements = arr(payload.elements);
    seen.cards = elements.map((e) => String(e.title ?? ''));
    seen.cardButtons = elements.map((e) => ({
      card: String(e.title ?? ''),
      buttons: arr(e.buttons).map(toButton),
    }));
    seen.buttons = seen.cardButtons.flatMap((c) => c.buttons);
  } else if (attachment.type === 'template' && payload.template_type === 'media') {
    const element = arr(payload.elements)[0] ?? {};
    seen.template = 'media';
    seen.attachment = {
      type: String(element.media_type),
      ...(typeof element.url === 'string' ? { url: element.url } : {}),
    };
    seen.buttons = arr(element.buttons).map(toButton);
  } else if (attachment.type === 'template' && typeof payload.template_type === 'string') {
    seen.template = payload.template_type;
  } else if (typeof attachment.type === 'string') {
    seen.attachment = {
      type: attachment.type,
      ...(typeof payload.url === 'string' ? { url: payload.url } : {}),
    };
  }
  return seen;
}
