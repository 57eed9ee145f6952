// Messages the engine sends: the disclosure goes first when it is due (docs/format.md §2), and a
// message's buttons and quick replies carry stable payloads (flows/messenger/payload.ts).
import { MESSENGER_LIMITS as L } from '../limits';
import type { Button, Card, QuickReply, StepOfType } from '../schema';
import { encodePayload } from '../messenger/payload';
import type { MessageAction, OutButton, OutCard, OutQuickReply } from './actions';
import type { Draft } from './draft';
import { render, renderUrl } from './variables';
import { windowOpen } from './window';

/** Whether Messenger would take a message now; outside its window replies are dropped. */
function canSend(d: Draft): boolean {
  if (d.privateReply) return !d.privateReply.sent;
  return windowOpen(d.session.lastUserAt, d.ctx.now);
}

export function sendMessage(d: Draft, action: MessageAction): void {
  if (d.privateReply) return sendPrivateReply(d, d.privateReply, action);
  // A dropped reply is not the bot writing: the disclosure stays due and lastBotAt unchanged.
  if (!canSend(d)) {
    d.actions.push({ type: 'dropped', reason: 'outside-window', message: action });
    return;
  }
  if (d.session.disclosureDue) {
    d.session.disclosureDue = false;
    if (d.flow.disclosure)
      d.actions.push({ type: 'send_text', text: render(d, d.flow.disclosure, L.textLength) });
  }
  d.actions.push(action);
  d.session.lastBotAt = d.ctx.now;
}

/**
 * A comment allows one private reply and opens no window: the first message answers the comment,
 * later ones of the turn are dropped. The disclosure stays due and goes before the first message
 * after the user answers (it would otherwise be the one message the comment allows).
 */
function sendPrivateReply(
  d: Draft,
  reply: NonNullable<Draft['privateReply']>,
  action: MessageAction,
): void {
  if (reply.sent) {
    d.actions.push({ type: 'dropped', reason: 'private-reply-sent', message: action });
    return;
  }
  reply.sent = true;
  d.actions.push({ ...action, commentId: reply.commentId });
  d.session.lastBotAt = d.ctx.now;
}

export function outButtons(
  d: Draft,
  node: string,
  buttons: Button[] | undefined,
): OutButton[] | undefined {
  if (!buttons?.length) return undefined;
  const out = buttons.flatMap((b): OutButton[] => {
    const title = render(d, b.title, L.buttonTitleLength);
    if (b.type === 'postback')
      return [
        {
          type: 'postback',
          title,
          payload: encodePayload({ kind: 'button', node, button: b.id }),
        },
      ];
    if (b.type === 'url') {
      // A link button without a valid address cannot be sent: the button is left out.
      const url = renderUrl(d, b.url, node, {
        en: `The link of button "${title}"`,
        key: 'buttonLink',
        params: { title },
      });
      return url === undefined ? [] : [{ type: 'url', title, url }];
    }
    return [{ type: 'call', title, phone: render(d, b.phone) }];
  });
  return out.length ? out : undefined;
}

export function outCards(d: Draft, node: string, cards: Card[]): OutCard[] {
  return cards.map((c) => {
    const card: OutCard = { title: render(d, c.title, L.cardTitleLength) };
    if (c.subtitle !== undefined) card.subtitle = render(d, c.subtitle, L.cardSubtitleLength);
    const imageUrl =
      c.imageUrl === undefined
        ? undefined
        : renderUrl(d, c.imageUrl, node, {
            en: `The image of card "${card.title}"`,
            key: 'cardImage',
            params: { title: card.title },
          });
    if (imageUrl !== undefined) card.imageUrl = imageUrl;
    const url =
      c.url === undefined
        ? undefined
        : renderUrl(d, c.url, node, {
            en: `The link of card "${card.title}"`,
            key: 'cardLink',
            params: { title: card.title },
          });
    if (url !== undefined) card.url = url;
    const buttons = outButtons(d, node, c.buttons);
    if (buttons) card.buttons = buttons;
    return card;
  });
}

export function outQuickReplies(
  d: Draft,
  node: string,
  replies: QuickReply[] | undefined,
): OutQuickReply[] | undefined {
  if (!replies?.length) return undefined;
  return replies.map((r) => {
    const reply: OutQuickReply = {
      type: 'text',
      title: render(d, r.title, L.quickReplyTitleLength),
      payload: encodePayload({ kind: 'reply', node, reply: r.id }),
    };
    const imageUrl =
      r.imageUrl === undefined
        ? undefined
        : renderUrl(d, r.imageUrl, node, {
            en: `The image of quick reply "${reply.title}"`,
            key: 'replyImage',
            params: { title: reply.title },
          });
    if (imageUrl !== undefined) reply.imageUrl = imageUrl;
    return reply;
  });
}

/** An input's prompt offers the profile's address or number first, then its suggestions. */
export function inputQuickReplies(
  d: Draft,
  step: StepOfType<'input'>,
): OutQuickReply[] | undefined {
  const replies: OutQuickReply[] = [];
  if (step.data.kind === 'email') replies.push({ type: 'user_email' });
  if (step.data.kind === 'phone') replies.push({ type: 'user_phone_number' });
  for (const s of step.data.suggestions ?? [])
    replies.push({
      type: 'text',
      title: render(d, s, L.quickReplyTitleLength),
      payload: encodePayload({ kind: 'suggestion', node: step.id }),
    });
  return replies.length ? replies : undefined;
}

/** Sends a message node's blocks in order; its quick replies go with the last message. */
export function sendBlocks(d: Draft, step: StepOfType<'message'>): void {
  const { blocks } = step.data;
  const quickReplies = outQuickReplies(d, step.id, step.data.quickReplies);
  // Media addresses first: a block whose address is not valid is left out, and the quick
  // replies go with the last message that is actually sent.
  const mediaUrls = blocks.map((b) =>
    b.type === 'text' || b.type === 'cards' || b.type === 'typing'
      ? undefined
      : renderUrl(d, b.url, step.id, { en: `The ${b.type} address`, key: b.type }),
  );
  const sends = (i: number) => {
    const type = blocks[i]!.type;
    return type === 'text' || type === 'cards' || mediaUrls[i] !== undefined;
  };
  let last = -1;
  blocks.forEach((_, i) => {
    if (sends(i)) last = i;
  });
  blocks.forEach((block, i) => {
    const replies = i === last && quickReplies ? { quickReplies } : {};
    switch (block.type) {
      case 'typing':
        // Typing before a reply that will be dropped would be refused as well, and a private
        // reply has no thread to type in yet.
        if (!canSend(d) || d.privateReply) return;
        d.actions.push(
          { type: 'typing', on: true },
          { type: 'pause', ms: Math.round(block.seconds * 1000) },
        );
        // Sending a message turns typing off by itself; only a trailing indicator needs it.
        if (i > last) d.actions.push({ type: 'typing', on: false });
        return;
      case 'text': {
        const buttons = outButtons(d, step.id, block.buttons);
        return sendMessage(d, {
          type: 'send_text',
          text: render(d, block.text, buttons ? L.buttonTemplateTextLength : L.textLength),
          ...(buttons ? { buttons } : {}),
          ...replies,
          step: step.id,
        });
      }
      case 'cards':
        return sendMessage(d, {
          type: 'send_cards',
          cards: outCards(d, step.id, block.cards),
          ...replies,
          step: step.id,
        });
      default: {
        const url = mediaUrls[i];
        if (url === undefined) return;
        return sendMessage(d, {
          type: 'send_media',
          mediaType: block.type,
          url,
          ...replies,
          step: step.id,
        });
      }
    }
  });
}
