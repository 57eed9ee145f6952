// What the user saw, message by message: the view that `expect` entries match against, that the
// recorder writes and that the chat CLI prints. Typing and other sender actions are not messages.
import type { EngineAction } from '../engine/actions';

export interface SeenMessage {
  text?: string;
  quickReplies?: string[];
  buttons?: string[];
  cards?: string[];
  image?: string;
  video?: string;
  audio?: string;
  file?: string;
  handover?: true;
}

export function seenMessage(action: EngineAction): SeenMessage | null {
  switch (action.type) {
    case 'send_text': {
      const m: SeenMessage = { text: action.text };
      if (action.buttons?.length) m.buttons = action.buttons.map((b) => b.title);
      return withReplies(m, action);
    }
    case 'send_cards':
      return withReplies({ cards: action.cards.map((c) => c.title) }, action);
    case 'send_media':
      return withReplies({ [action.mediaType]: action.url }, action);
    case 'handover':
      return { handover: true };
    default:
      return null;
  }
}

function withReplies(
  m: SeenMessage,
  action: Extract<EngineAction, { quickReplies?: unknown }>,
): SeenMessage {
  const titles = (action.quickReplies ?? []).flatMap((q) => (q.type === 'text' ? [q.title] : []));
  if (titles.length) m.quickReplies = titles;
  return m;
}

export function seenMessages(actions: EngineAction[]): SeenMessage[] {
  const out: SeenMessage[] = [];
  for (const a of actions) {
    const m = seenMessage(a);
    if (m) out.push(m);
  }
  return out;
}
