// A simulated Messenger user: each action becomes the webhook event Messenger would send
// (docs/messenger.md §1.3-1.4), signed and posted to the runtime. While the Page Inbox owns the
// thread, events go out as standby.
import type { SandboxState } from './state';
import { envelope, feedEnvelope, newMid, postSigned, userEvent, type PostResult } from './webhook';

export interface SentEvent extends PostResult {
  /** The message id, when the event carried one (messages and postbacks). */
  mid: string | undefined;
  /** The exact bytes posted, for replay tests. */
  raw: string;
}

/** One attachment a user sends, in the shape Messenger's `messages` webhook gives it. */
export type UserAttachment =
  | { type: 'image' | 'video' | 'audio' | 'file'; url: string }
  | { type: 'sticker'; url?: string; stickerId?: number }
  | { type: 'location'; lat: number; long: number }
  /** A link share Messenger cannot show richly. */
  | { type: 'fallback'; url: string; title?: string }
  | { type: 'post' | 'reel' | 'ig_reel'; url: string; title?: string; videoId?: string }
  | { type: 'product'; id: string; title?: string; subtitle?: string; imageUrl?: string };

/** The 👍 sticker, Messenger's best-known sticker id. */
export const LIKE_STICKER_ID = 369239263222822;
const CDN = 'https://scontent.xx.fbcdn.net';

/** The `attachments[]` entry Messenger sends for an attachment (docs/messenger.md §1.4). */
export function attachmentPayload(a: UserAttachment): Record<string, unknown> {
  switch (a.type) {
    case 'sticker': {
      const stickerId = a.stickerId ?? LIKE_STICKER_ID;
      return {
        type: 'sticker',
        payload: { url: a.url ?? `${CDN}/v/t39.1997-6/${stickerId}.png`, sticker_id: stickerId },
      };
    }
    case 'location':
      return { type: 'location', payload: { coordinates: { lat: a.lat, long: a.long } } };
    case 'fallback':
      return { type: 'fallback', payload: { url: a.url, ...(a.title ? { title: a.title } : {}) } };
    case 'post':
      return { type: 'post', payload: { url: a.url, ...(a.title ? { title: a.title } : {}) } };
    case 'reel':
    case 'ig_reel':
      return {
        type: a.type,
        payload: {
          url: a.url,
          reel_video_id: a.videoId ?? '1234567890',
          ...(a.title ? { title: a.title } : {}),
        },
      };
    case 'product':
      return {
        type: 'template',
        payload: {
          product: {
            elements: [
              {
                id: a.id,
                retailer_id: `retailer-${a.id}`,
                ...(a.imageUrl ? { image_url: a.imageUrl } : {}),
                ...(a.title ? { title: a.title } : {}),
                ...(a.subtitle ? { subtitle: a.subtitle } : {}),
              },
            ],
          },
        },
      };
    default:
      return { type: a.type, payload: { url: a.url } };
  }
}

/** What a comment's webhook carried: the comment's id, besides the post's status. */
export interface SentComment extends SentEvent {
  commentId: string;
}

export class SandboxUser {
  constructor(
    private state: SandboxState,
    readonly psid: string,
  ) {}

  sendText(text: string): Promise<SentEvent> {
    const mid = newMid();
    return this.emit({ message: { mid, text } }, mid, true);
  }

  sendAttachment(type: 'image' | 'video' | 'audio' | 'file', url: string): Promise<SentEvent> {
    return this.sendAttachments([{ type, url }]);
  }

  /** One message carrying these attachments (several images arrive as one message). */
  sendAttachments(attachments: UserAttachment[]): Promise<SentEvent> {
    if (attachments.length === 0) throw new Error('a message needs at least one attachment');
    const mid = newMid();
    const message = { mid, attachments: attachments.map(attachmentPayload) };
    return this.emit({ message }, mid, true);
  }

  /** Taps an ice breaker of the Page's profile: a postback with the question as its title. */
  tapIceBreaker(question: string): Promise<SentEvent> {
    const payload = this.state.iceBreaker(question);
    if (payload === undefined) throw new Error(`no ice breaker "${question}" in the profile`);
    return this.postback(question, payload);
  }

  /** Taps a quick reply of the newest message that offered quick replies. */
  tapQuickReply(title: string): Promise<SentEvent> {
    const offered = [...this.state.messages(this.psid)]
      .reverse()
      .find((m) => m.quickReplies.length > 0);
    // By the title shown (cut to 20 characters) or the one the Page sent.
    const sent = (offered?.body.message as { quick_replies?: { title?: string }[] } | undefined)
      ?.quick_replies;
    const index =
      offered?.quickReplies.findIndex(
        (q, i) =>
          q.title.toLowerCase() === title.toLowerCase() ||
          sent?.[i]?.title?.toLowerCase() === title.toLowerCase(),
      ) ?? -1;
    const reply = index >= 0 ? offered!.quickReplies[index] : undefined;
    if (!reply) throw new Error(`no quick reply "${title}" offered to ${this.psid}`);
    const mid = newMid();
    return this.emit(
      { message: { mid, text: reply.title, quick_reply: { payload: reply.payload } } },
      mid,
      true,
    );
  }

  /** Taps the newest postback button with this title, or the one on the card with this title. */
  tapButton(title: string, card?: string): Promise<SentEvent> {
    for (const message of [...this.state.messages(this.psid)].reverse()) {
      const buttons =
        card === undefined
          ? message.buttons
          : (message.cardButtons.find((c) => c.card === card)?.buttons ?? []);
      const button = buttons.find((b) => b.type === 'postback' && b.title === title);
      if (button) return this.postback(button.title, button.payload ?? '');
    }
    const where = card === undefined ? '' : ` on a card "${card}"`;
    throw new Error(`no postback button "${title}"${where} sent to ${this.psid}`);
  }

  getStarted(ref?: string): Promise<SentEvent> {
    const payload = this.state.getStartedPayload();
    if (!payload) throw new Error('the Page has no Get Started button (no profile applied)');
    const referral = ref ? { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } : undefined;
    return this.postback('Get Started', payload, referral);
  }

  tapMenu(title: string): Promise<SentEvent> {
    const item = this.state.menuItem(title);
    if (!item) throw new Error(`no persistent menu item "${title}"`);
    return this.postback(title, item);
  }

  /** An m.me link with ?ref= into an existing thread. */
  followLink(ref: string): Promise<SentEvent> {
    return this.emit(
      { referral: { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } },
      undefined,
      true,
    );
  }

  /**
   * Comments on one of the Page's posts: Meta's `feed` webhook (a `changes[]` item with
   * `item: "comment"`, `verb: "add"`; docs/messenger.md §8a), signed and posted to the runtime.
   */
  async comment(postId: string, text: string): Promise<SentComment> {
    const comment = this.state.addComment(this.psid, postId, text);
    const sent = await this.postChange({
      from: { id: this.psid, name: 'Sandbox User' },
      item: 'comment',
      verb: 'add',
      comment_id: comment.commentId,
      post_id: postId,
      parent_id: postId,
      message: text,
      created_time: Math.floor(comment.at / 1000),
    });
    return { ...sent, commentId: comment.commentId };
  }

  /** Edits an earlier comment: Meta sends `verb: "edited"`; the runtime must not answer it. */
  editComment(commentId: string, text: string): Promise<SentEvent> {
    const comment = this.state.comment(commentId);
    if (!comment) throw new Error(`no comment ${commentId}`);
    return this.postChange({
      from: { id: this.psid, name: 'Sandbox User' },
      item: 'comment',
      verb: 'edited',
      comment_id: commentId,
      post_id: comment.postId,
      parent_id: comment.postId,
      message: text,
      created_time: Math.floor(this.state.now() / 1000),
    });
  }

  private async postChange(value: Record<string, unknown>): Promise<SentEvent> {
    const raw = JSON.stringify(feedEnvelope(this.state.pageId, this.state.now(), value));
    const result = await postSigned(this.state.runtimeUrl(), raw, this.state.appSecret);
    return { ...result, mid: undefined, raw };
  }

  /** The Page Inbox marks the conversation done: control passes back to the app. */
  returnThread(): Promise<SentEvent> {
    this.state.setOwner(this.psid, this.state.appId);
    return this.emit(
      {
        pass_thread_control: {
          previous_owner_app_id: this.state.inboxAppId,
          new_owner_app_id: this.state.appId,
          metadata: 'returned by the sandbox',
        },
      },
      undefined,
      false,
    );
  }

  private postback(title: string, payload: string, referral?: Record<string, string>) {
    const mid = newMid();
    return this.emit(
      { postback: { mid, title, payload, ...(referral ? { referral } : {}) } },
      mid,
      true,
    );
  }

  private async emit(
    body: Record<string, unknown>,
    mid: string | undefined,
    fromUser: boolean,
  ): Promise<SentEvent> {
    const timestamp = this.state.tick(this.psid, fromUser);
    const channel =
      fromUser && this.state.owner(this.psid) !== this.state.appId ? 'standby' : 'messaging';
    const event = userEvent(this.state.pageId, this.psid, timestamp, body);
    const raw = JSON.stringify(envelope(this.state.pageId, timestamp, [event], channel));
    const result = await postSigned(this.state.runtimeUrl(), raw, this.state.appSecret);
    return { ...result, mid, raw };
  }
}
