// A simulated Messenger user: each action becomes the webhook event Messenger would send, signed
// and posted to the runtime. While the Page Inbox owns the thread, events go out as standby.
import type { SandboxState } from './state';
import { envelope, newMid, postSigned, userEvent, type PostResult } from './webhook';

export interface SentEvent extends PostResult {
  /** The message id, when the event carried one (messages and postbacks). */
  mid: string | undefined;
  /** The exact bytes posted, for replay tests. */
  raw: string;
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
    const mid = newMid();
    return this.emit({ message: { mid, attachments: [{ type, payload: { url } }] } }, mid, true);
  }

  /** Taps a quick reply of the newest message that offered quick replies. */
  tapQuickReply(title: string): Promise<SentEvent> {
    const offered = [...this.state.messages(this.psid)]
      .reverse()
      .find((m) => m.quickReplies.length > 0);
    const reply = offered?.quickReplies.find((q) => q.title.toLowerCase() === title.toLowerCase());
    if (!reply) throw new Error(`no quick reply "${title}" offered to ${this.psid}`);
    const mid = newMid();
    return this.emit(
      { message: { mid, text: reply.title, quick_reply: { payload: reply.payload } } },
      mid,
      true,
    );
  }

  /** Taps the newest postback button with this title. */
  tapButton(title: string): Promise<SentEvent> {
    for (const message of [...this.state.messages(this.psid)].reverse()) {
      const button = message.buttons.find((b) => b.type === 'postback' && b.title === title);
      if (button) return this.postback(button.title, button.payload ?? '');
    }
    throw new Error(`no postback button "${title}" sent to ${this.psid}`);
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
