// Messenger's limits on what a message node sends (docs/messenger.md §2.4–2.6, §9 checklist).
import { MESSENGER_LIMITS as L } from '../limits';
import type { Button, Card, FlowNode, NodeOfType, QuickReply } from '../schema';
import type { LintContext } from './context';
import { lintText, type LintText } from './text';
import { checkUrl } from './urls';

export function checkMessages(ctx: LintContext): void {
  for (const node of ctx.doc.nodes) {
    if (node.type === 'message') checkMessage(ctx, node);
    if (node.type === 'input') checkInputTexts(ctx, node);
  }
}

function checkMessage(ctx: LintContext, node: NodeOfType<'message'>): void {
  const { blocks, quickReplies } = node.data;
  blocks.forEach((block, i) => {
    const field = `data.blocks[${i}]`;
    switch (block.type) {
      case 'text': {
        const buttons = block.buttons ?? [];
        checkText(ctx, node, `${field}.text`, block.text, buttons.length > 0);
        checkButtons(ctx, node, `${field}.buttons`, buttons, lintText('parts.thisText'));
        break;
      }
      case 'cards':
        checkCards(ctx, node, field, block.cards);
        break;
      case 'typing':
        if (block.seconds > L.typingSeconds)
          ctx.report('typing-too-long', { nodeId: node.id, field: `${field}.seconds` }, 'default', {
            seconds: block.seconds,
            limit: L.typingSeconds,
          });
        break;
      default:
        checkUrl(
          ctx,
          { nodeId: node.id, field: `${field}.url` },
          block.url,
          lintText(`parts.${block.type}`),
        );
    }
  });
  if (quickReplies?.length) {
    checkQuickReplies(ctx, node, quickReplies);
    const last = blocks[blocks.length - 1];
    if (!last || last.type === 'typing')
      ctx.report(
        'quick-replies-without-message',
        { nodeId: node.id, field: 'data.quickReplies' },
        'default',
      );
  }
}

export function checkText(
  ctx: LintContext,
  node: FlowNode,
  field: string,
  text: string,
  withButtons: boolean,
): void {
  const place = { nodeId: node.id, field };
  if (text.trim() === '') {
    ctx.report('text-empty', place, 'text');
    return;
  }
  const limit = withButtons ? L.buttonTemplateTextLength : L.textLength;
  const length = [...text].length;
  if (length > limit)
    ctx.report('text-too-long', place, withButtons ? 'withButtons' : 'plain', { length, limit });
}

function checkButtons(
  ctx: LintContext,
  node: FlowNode,
  field: string,
  buttons: Button[],
  owner: LintText,
): void {
  if (buttons.length > L.buttonsPerTemplate)
    ctx.report('buttons-too-many', { nodeId: node.id, field }, 'default', {
      owner,
      count: buttons.length,
      limit: L.buttonsPerTemplate,
    });
  buttons.forEach((button, i) => {
    const at = `${field}[${i}]`;
    checkTitle(
      ctx,
      node,
      `${at}.title`,
      button.title,
      'button-title-too-long',
      L.buttonTitleLength,
      'button',
    );
    if (button.type === 'url')
      checkUrl(
        ctx,
        { nodeId: node.id, field: `${at}.url` },
        button.url,
        lintText('parts.buttonLink', { title: button.title }),
      );
    if (
      button.type === 'call' &&
      !button.phone.includes('{{') &&
      !L.phonePattern.test(button.phone.replace(/[\s()-]/g, ''))
    )
      ctx.report('phone-invalid', { nodeId: node.id, field: `${at}.phone` }, 'default', {
        title: button.title,
      });
  });
}

function checkTitle(
  ctx: LintContext,
  node: FlowNode,
  field: string,
  title: string,
  code: 'button-title-too-long' | 'quick-reply-title-too-long',
  limit: number,
  what: 'button' | 'quickReply' | 'suggestion',
): void {
  const length = [...title].length;
  if (title.trim() === '') ctx.report('text-empty', { nodeId: node.id, field }, what);
  else if (length > limit) {
    const params = { title, length, limit };
    if (code === 'button-title-too-long')
      ctx.report(code, { nodeId: node.id, field }, 'default', params);
    else
      ctx.report(code, { nodeId: node.id, field }, what === 'button' ? 'quickReply' : what, params);
  }
}

function checkQuickReplies(ctx: LintContext, node: FlowNode, replies: QuickReply[]): void {
  if (replies.length > L.quickReplies)
    ctx.report(
      'quick-replies-too-many',
      { nodeId: node.id, field: 'data.quickReplies' },
      'message',
      { count: replies.length, limit: L.quickReplies },
    );
  replies.forEach((reply, i) => {
    checkTitle(
      ctx,
      node,
      `data.quickReplies[${i}].title`,
      reply.title,
      'quick-reply-title-too-long',
      L.quickReplyTitleLength,
      'quickReply',
    );
    if (reply.imageUrl !== undefined)
      checkUrl(
        ctx,
        { nodeId: node.id, field: `data.quickReplies[${i}].imageUrl` },
        reply.imageUrl,
        lintText('parts.replyImage', { title: reply.title }),
      );
  });
}

function checkCards(ctx: LintContext, node: FlowNode, field: string, cards: Card[]): void {
  const place = { nodeId: node.id, field: `${field}.cards` };
  if (cards.length === 0) ctx.report('cards-empty', place, 'default');
  if (cards.length > L.cardsPerGallery)
    ctx.report('cards-too-many', place, 'default', {
      count: cards.length,
      limit: L.cardsPerGallery,
    });
  cards.forEach((card, i) => {
    const at = `${field}.cards[${i}]`;
    const name = card.title.trim()
      ? lintText('parts.cardQuoted', { title: card.title })
      : lintText('parts.cardNumber', { number: i + 1 });
    const titleLength = [...card.title].length;
    if (card.title.trim() === '')
      ctx.report('text-empty', { nodeId: node.id, field: `${at}.title` }, 'card', {
        number: i + 1,
      });
    else if (titleLength > L.cardTitleLength)
      ctx.report('card-title-too-long', { nodeId: node.id, field: `${at}.title` }, 'default', {
        card: name,
        length: titleLength,
        limit: L.cardTitleLength,
      });
    const subtitleLength = [...(card.subtitle ?? '')].length;
    if (subtitleLength > L.cardSubtitleLength)
      ctx.report(
        'card-subtitle-too-long',
        { nodeId: node.id, field: `${at}.subtitle` },
        'default',
        { card: name, length: subtitleLength, limit: L.cardSubtitleLength },
      );
    if (!card.subtitle?.trim() && !card.imageUrl && !card.url && !card.buttons?.length)
      ctx.report('card-too-bare', { nodeId: node.id, field: at }, 'default', { card: name });
    if (card.imageUrl !== undefined)
      checkUrl(
        ctx,
        { nodeId: node.id, field: `${at}.imageUrl` },
        card.imageUrl,
        lintText('parts.cardImage', { card: name }),
      );
    if (card.url !== undefined)
      checkUrl(
        ctx,
        { nodeId: node.id, field: `${at}.url` },
        card.url,
        lintText('parts.cardLink', { card: name }),
      );
    checkButtons(
      ctx,
      node,
      `${at}.buttons`,
      card.buttons ?? [],
      lintText('parts.card', { card: name }),
    );
  });
}

/** A question sends its prompt as a text, with its suggestions as quick replies. */
function checkInputTexts(ctx: LintContext, node: NodeOfType<'input'>): void {
  checkText(ctx, node, 'data.prompt', node.data.prompt, false);
  if (node.data.retryPrompt !== undefined)
    checkText(ctx, node, 'data.retryPrompt', node.data.retryPrompt, false);
  const suggestions = node.data.suggestions ?? [];
  // Email and phone questions also offer Messenger's own "use my email/phone" quick reply.
  const extra = node.data.kind === 'email' || node.data.kind === 'phone' ? 1 : 0;
  if (suggestions.length + extra > L.quickReplies)
    ctx.report(
      'quick-replies-too-many',
      { nodeId: node.id, field: 'data.suggestions' },
      'question',
      { count: suggestions.length + extra, limit: L.quickReplies },
    );
  suggestions.forEach((title, i) =>
    checkTitle(
      ctx,
      node,
      `data.suggestions[${i}]`,
      title,
      'quick-reply-title-too-long',
      L.quickReplyTitleLength,
      'suggestion',
    ),
  );
}
