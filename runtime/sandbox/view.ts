// A readable view of a Send API body as the user would see it, for tests and the CLI.
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
  attachment?: { type: string; url?: string };
  /** The Send API body exactly as received. */
  body: Obj;
}

export function viewMessage(body: Obj, mid: string, at: number): SeenMessage {
  const message = obj(body.message);
  const seen: SeenMessage = { mid, at, quickReplies: [], buttons: [], cards: [], body };
  if (typeof message.text === 'string') seen.text = message.text;
  seen.quickReplies = arr(message.quick_replies).map((q) => ({
    title: String(q.title ?? ''),
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
    seen.buttons = elements.flatMap((e) => arr(e.buttons).map(toButton));
  } else if (typeof attachment.type === 'string') {
    seen.attachment = {
      type: attachment.type,
      ...(typeof payload.url === 'string' ? { url: payload.url } : {}),
    };
  }
  return seen;
}
