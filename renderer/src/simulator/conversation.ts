// What the conversation panel shows, derived from the simulator's turns alone: so going back in
// time is just keeping fewer turns, and the chat on screen can never drift from the engine's.
import { t, tKey } from '../i18n';
import {
  isImage,
  type ActionOfType,
  type DropReason,
  type EngineAction,
  type EngineEvent,
  type MessageAction,
  type SimulatorTurn,
} from '../../../flows/engine';
import { describeUserEvent } from './userEvents';

export type ConversationItem =
  | { kind: 'user'; key: string; turn: number; text: string; imageUrl?: string }
  | {
      kind: 'bot';
      key: string;
      turn: number;
      step?: string;
      message: MessageAction;
      /** Set when the runtime would not send it (outside Messenger's 24-hour window). */
      dropped?: DropReason;
    }
  | { kind: 'typing'; key: string; turn: number; ms: number }
  | {
      kind: 'note';
      key: string;
      turn: number;
      tone: 'info' | 'error';
      text: string;
      step?: string;
    };

export function conversationItems(turns: readonly SimulatorTurn[]): ConversationItem[] {
  const items: ConversationItem[] = [];
  turns.forEach((turn, index) => {
    const user = userItem(turn.event, index);
    if (user) items.push(user);
    turn.actions.forEach((action, n) => {
      const item = actionItem(action, index, `${index}.${n}`);
      if (item) items.push(item);
    });
  });
  return items;
}

function userItem(event: EngineEvent, turn: number): ConversationItem | null {
  const key = `${turn}.user`;
  if (event.type === 'attachment' && !event.more?.length && isImage(event))
    return { kind: 'user', key, turn, text: '', imageUrl: event.url };
  if (event.type === 'http_result') {
    const text =
      event.error !== undefined
        ? t('simNotes.callFailed', { error: event.error })
        : t('simNotes.answered', { status: event.status ?? '' });
    return { kind: 'note', key, turn, tone: event.error !== undefined ? 'error' : 'info', text };
  }
  const text = describeUserEvent(event);
  if (text === null) return null;
  if (
    event.type === 'handover_returned' ||
    event.type === 'handover_taken' ||
    event.type === 'resume' ||
    event.type === 'referral'
  )
    return { kind: 'note', key, turn, tone: 'info', text };
  return { kind: 'user', key, turn, text };
}

function actionItem(action: EngineAction, turn: number, key: string): ConversationItem | null {
  switch (action.type) {
    case 'send_text':
    case 'send_cards':
    case 'send_media':
      return { kind: 'bot', key, turn, step: action.step, message: action };
    case 'dropped':
      return {
        kind: 'bot',
        key,
        turn,
        step: action.message.step,
        message: action.message,
        dropped: action.reason,
      };
    case 'pause':
      return { kind: 'typing', key, turn, ms: action.ms };
    case 'handover':
      return {
        kind: 'note',
        key,
        turn,
        tone: 'info',
        step: action.step,
        text: action.note
          ? t('simNotes.handedOverNote', { note: action.note })
          : t('simNotes.handedOver'),
      };
    case 'take_thread_control':
      return {
        kind: 'note',
        key,
        turn,
        tone: 'info',
        text: t('simNotes.tookBack'),
      };
    case 'http_request':
      return {
        kind: 'note',
        key,
        turn,
        tone: 'info',
        step: action.step,
        text: `${action.method} ${action.url}`,
      };
    case 'log':
      if (action.level === 'error')
        return { kind: 'note', key, turn, tone: 'error', step: action.step, text: logText(action) };
      // A link left out (its variable did not make an https address) changes what the user
      // sees, so the tester is told why.
      return action.code.startsWith('url-')
        ? { kind: 'note', key, turn, tone: 'info', step: action.step, text: logText(action) }
        : null;
    case 'typing':
    case 'schedule_resume':
      return null;
  }
}

/**
 * The quick replies still on offer: those of the newest message, if the user has not answered.
 * A message that was not delivered never reached the user, so it offers nothing.
 */
export function openQuickReplies(
  items: readonly ConversationItem[],
): { item: ConversationItem & { kind: 'bot' } } | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.kind === 'user') return null;
    if (item.kind === 'bot' && item.dropped) return null;
    if (item.kind === 'bot') return item.message.quickReplies?.length ? { item } : null;
  }
  return null;
}

/**
 * An engine log note in the designer's language, from its key and values; a note without one (or
 * with a key the catalogue lacks) shows the engine's English words.
 */
function logText(action: ActionOfType<'log'>): string {
  const text = action.text;
  if (!text) return action.message;
  const subject = text.subject
    ? tKey(`engineLog.subjects.${text.subject.key}`, '', text.subject.params)
    : undefined;
  if (text.subject && !subject) return action.message;
  return (
    tKey(`engineLog.${text.key}`, '', { ...text.params, ...(subject ? { subject } : {}) }) ||
    action.message
  );
}
