// How `threadline chat` shows what the bot did: messages as lines, quick replies and postback
// buttons as numbered choices, cards as a list, media as [type url].
// The words around the flow's own text come in the user's language (cli/i18n.ts); `bot:` is the
// speaker's mark, and an engine note (`(warning CODE: message)`) is the engine's English log line.
import type { EngineAction, EngineEvent, OutButton } from '../../flows';
import { cliMessages } from '../i18n';

export interface Choice {
  label: string;
  event: EngineEvent;
}

export interface Rendered {
  lines: string[];
  choices: Choice[];
  /** The bot sent a message (its choices replace the earlier ones). */
  fromBot: boolean;
}

export function renderActions(actions: EngineAction[]): Rendered {
  const lines: string[] = [];
  const choices: Choice[] = [];
  const { text } = cliMessages();
  let fromBot = false;
  const buttons = (list: OutButton[] | undefined, indent: string) => {
    for (const b of list ?? []) {
      if (b.type === 'postback') {
        choices.push({
          label: b.title,
          event: { type: 'postback', payload: b.payload, title: b.title },
        });
        lines.push(`${indent}${choices.length}) ${b.title}`);
      } else if (b.type === 'url')
        lines.push(`${indent}${text('chatLinkButton', { title: b.title, url: b.url })}`);
      else lines.push(`${indent}${text('chatCallButton', { title: b.title, phone: b.phone })}`);
    }
  };
  for (const action of actions) {
    if (action.type === 'send_text' || action.type === 'send_cards' || action.type === 'send_media')
      fromBot = true;
    switch (action.type) {
      case 'send_text':
        lines.push(`bot: ${action.text.replace(/\n/g, '\n     ')}`);
        buttons(action.buttons, '     ');
        break;
      case 'send_cards':
        lines.push(`bot: ${text('chatCards')}`);
        for (const card of action.cards) {
          const extras = [
            card.subtitle,
            card.imageUrl && text('chatImage', { url: card.imageUrl }),
            card.url && text('chatLink', { url: card.url }),
          ].filter(Boolean);
          lines.push(`     - ${card.title}${extras.length ? `: ${extras.join(' ')}` : ''}`);
          buttons(card.buttons, '         ');
        }
        break;
      case 'send_media':
        lines.push(
          `bot: ${text('chatMedia', { type: text(`media_${action.mediaType}`), url: action.url })}`,
        );
        break;
      case 'dropped': {
        // The runtime would not send it: shown without its buttons or quick replies.
        const m = action.message;
        const what =
          m.type === 'send_text'
            ? m.text
            : m.type === 'send_cards'
              ? `${text('chatCards')} ${m.cards.map((c) => c.title).join(', ')}`
              : text('chatMedia', { type: text(`media_${m.mediaType}`), url: m.url });
        lines.push(text('chatNotDelivered', { reason: text(`drop_${action.reason}`), what }));
        break;
      }
      case 'log':
        if (action.level !== 'info')
          lines.push(`(${action.level} ${action.code}: ${action.message})`);
        break;
      default:
        break;
    }
    if ('quickReplies' in action && action.quickReplies?.length) {
      const replies: string[] = [];
      for (const q of action.quickReplies) {
        if (q.type !== 'text') continue;
        choices.push({
          label: q.title,
          event: { type: 'quick_reply', payload: q.payload, text: q.title },
        });
        replies.push(`${choices.length}) ${q.title}`);
      }
      if (replies.length) lines.push(`     ${replies.join('  ')}`);
    }
  }
  return { lines, choices, fromBot };
}

/** "1h", "23h", "1h 30m", "45s", "2d 1h". */
export function formatDuration(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(seconds));
  for (const [name, size] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    }
  }
  return parts.length ? parts.join(' ') : '0s';
}
