// What the Send API refuses (docs/messenger.md §2.1-2.6), checked the way the real one answers: the
// first problem found, as a (#100) error naming the parameter.
import { MESSENGER_LIMITS as L } from '../../flows';
import { badParam, type SandboxError } from './errors';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const len = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);

const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];
const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen', 'react', 'unreact'];

export function validateSend(body: Obj): SandboxError | undefined {
  const recipient = obj(body.recipient);
  // A private reply names the comment instead of the person (docs/events.md "Comments").
  const commentReply = typeof recipient?.comment_id === 'string';
  if (!recipient || (typeof recipient.id !== 'string' && !commentReply))
    return badParam('The parameter recipient is required');
  if (commentReply && body.sender_action !== undefined)
    return badParam('A sender action cannot be sent as a private reply');
  const message = obj(body.message);
  const action = body.sender_action;
  if (message && action !== undefined)
    return badParam('Message and state sent at the same time', 2018014);
  if (action !== undefined) {
    if (!SENDER_ACTIONS.includes(String(action)))
      return badParam('param sender_action must be one of {TYPING_ON, TYPING_OFF, MARK_SEEN}');
    // A reaction names the message it reacts to, and (for react) the reaction (§2.3).
    if (action === 'react' || action === 'unreact') {
      const payload = obj(body.payload);
      if (typeof payload?.message_id !== 'string')
        return badParam('param payload[message_id] is required');
      if (action === 'react' && len(payload.reaction) === 0)
        return badParam('param payload[reaction] is required');
    }
    return undefined;
  }
  if (!message) return badParam('Must send either message or state');
  if (!MESSAGING_TYPES.includes(String(body.messaging_type)))
    return badParam('param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}');
  if (body.messaging_type === 'MESSAGE_TAG' && body.tag !== 'HUMAN_AGENT')
    return badParam('param tag must be a valid message tag');
  const hasText = message.text !== undefined;
  const attachment = obj(message.attachment);
  if (hasText === (attachment !== undefined))
    return badParam('param message must have exactly one of text or attachment');
  if (
    hasText &&
    (typeof message.text !== 'string' ||
      len(message.text) === 0 ||
      len(message.text) > L.textLength)
  )
    return badParam(`Length of param message[text] must be less than or equal to ${L.textLength}`);
  if (attachment) {
    const problem = validateAttachment(attachment);
    if (problem) return problem;
  }
  return validateQuickReplies(message.quick_replies);
}

function validateQuickReplies(value: unknown): SandboxError | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > L.quickReplies)
    return badParam(`param message[quick_replies] must have at most ${L.quickReplies} elements`);
  for (const [i, raw] of value.entries()) {
    const reply = obj(raw) ?? {};
    const type = reply.content_type;
    if (type === 'user_email' || type === 'user_phone_number') continue;
    if (type !== 'text')
      return badParam(`param message[quick_replies][${i}][content_type] is invalid`);
    // A title over 20 characters is accepted; Messenger shows it truncated (§2.4).
    if (len(reply.title) === 0)
      return badParam(`param message[quick_replies][${i}][title] is required`);
    if (
      len(String(reply.payload ?? '')) > L.payloadLength ||
      (reply.payload === undefined && !reply.image_url)
    )
      return badParam(
        `param message[quick_replies][${i}][payload] is required and at most ${L.payloadLength} characters`,
      );
  }
  return undefined;
}

function validateButtons(value: unknown, place: string, min: number): SandboxError | undefined {
  const buttons = Array.isArray(value) ? value : value === undefined ? [] : null;
  if (!buttons || buttons.length < min || buttons.length > L.buttonsPerTemplate)
    return badParam(`param ${place}[buttons] must have ${min} to ${L.buttonsPerTemplate} elements`);
  for (const [i, raw] of buttons.entries()) {
    const b = obj(raw) ?? {};
    const where = `${place}[buttons][${i}]`;
    if (len(b.title) === 0 || len(b.title) > L.buttonTitleLength)
      return badParam(`param ${where}[title] must be 1 to ${L.buttonTitleLength} characters`);
    if (b.type === 'postback' && (len(b.payload) === 0 || len(b.payload) > L.payloadLength))
      return badParam(`param ${where}[payload] must be 1 to ${L.payloadLength} characters`);
    if (b.type === 'web_url' && typeof b.url !== 'string')
      return badParam(`param ${where}[url] is required`);
    if (b.type === 'phone_number' && !/^\+\d+$/.test(String(b.payload ?? '')))
      return badParam(`param ${where}[payload] must be a phone number starting with +`);
    if (!['postback', 'web_url', 'phone_number'].includes(String(b.type)))
      return badParam(`param ${where}[type] is invalid`);
  }
  return undefined;
}

function validateAttachment(a: Obj): SandboxError | undefined {
  const payload = obj(a.payload);
  if (!payload) return badParam('param message[attachment][payload] is required');
  if (['image', 'audio', 'video', 'file'].includes(String(a.type))) {
    return typeof payload.url === 'string' || typeof payload.attachment_id === 'string'
      ? undefined
      : badParam('param message[attachment][payload][url] is required');
  }
  if (a.type !== 'template') return badParam('param message[attachment][type] is invalid');
  if (payload.template_type === 'button') {
    if (len(payload.text) === 0 || len(payload.text) > L.buttonTemplateTextLength)
      return badParam(
        `param message[attachment][payload][text] must be 1 to ${L.buttonTemplateTextLength} characters`,
      );
    return validateButtons(payload.buttons, 'message[attachment][payload]', 1);
  }
  if (payload.template_type === 'generic') {
    const elements = payload.elements;
    if (!Array.isArray(elements) || elements.length === 0 || elements.length > L.cardsPerGallery)
      return badParam(
        `param message[attachment][payload][elements] must have 1 to ${L.cardsPerGallery} elements`,
      );
    for (const [i, raw] of elements.entries()) {
      const e = obj(raw) ?? {};
      const place = `message[attachment][payload][elements][${i}]`;
      if (len(e.title) === 0 || len(e.title) > L.cardTitleLength)
        return badParam(`param ${place}[title] must be 1 to ${L.cardTitleLength} characters`);
      if (len(e.subtitle) > L.cardSubtitleLength)
        return badParam(
          `param ${place}[subtitle] must be at most ${L.cardSubtitleLength} characters`,
        );
      // A title alone is not a card: one other property must be set (§2.5).
      const buttons = Array.isArray(e.buttons) ? e.buttons.length : 0;
      if (!e.subtitle && !e.image_url && !e.default_action && buttons === 0)
        return badParam(
          `param ${place} must have at least one of subtitle, image_url, default_action or buttons`,
        );
      const problem = validateButtons(e.buttons, place, 0);
      if (problem) return problem;
    }
    return undefined;
  }
  if (payload.template_type === 'media') return validateMedia(payload);
  if (payload.template_type === 'receipt') return validateReceipt(payload);
  return badParam('param message[attachment][payload][template_type] is invalid');
}

/** Media template (§2.5): exactly one image or video, by attachment id or a Facebook URL. */
function validateMedia(payload: Obj): SandboxError | undefined {
  const place = 'message[attachment][payload][elements]';
  const elements = payload.elements;
  if (!Array.isArray(elements) || elements.length !== 1)
    return badParam(`param ${place} must have exactly 1 element`);
  const e = obj(elements[0]) ?? {};
  if (e.media_type !== 'image' && e.media_type !== 'video')
    return badParam(`param ${place}[0][media_type] must be image or video`);
  if (typeof e.attachment_id !== 'string' && !isFacebookUrl(e.url))
    return badParam(`param ${place}[0] needs an attachment_id or a Facebook URL`);
  return e.buttons === undefined ? undefined : validateButtons(e.buttons, `${place}[0]`, 0);
}

function isFacebookUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const host = new URL(value).hostname;
    return host === 'facebook.com' || host.endsWith('.facebook.com');
  } catch {
    return false;
  }
}

/** Receipt template (§2.5): the required fields, and at most 100 elements. */
function validateReceipt(payload: Obj): SandboxError | undefined {
  const place = 'message[attachment][payload]';
  for (const field of ['recipient_name', 'order_number', 'currency', 'payment_method'])
    if (len(payload[field]) === 0) return badParam(`param ${place}[${field}] is required`);
  const total = obj(payload.summary)?.total_cost;
  if (typeof total !== 'number' && !(typeof total === 'string' && total.trim() !== ''))
    return badParam(`param ${place}[summary][total_cost] is required`);
  const elements = payload.elements;
  if (elements !== undefined && (!Array.isArray(elements) || elements.length > L.receiptElements))
    return badParam(`param ${place}[elements] must have at most ${L.receiptElements} elements`);
  return undefined;
}
