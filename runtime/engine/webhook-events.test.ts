// Each documented webhook kind (runtime/http/fixtures, after Meta's examples) read into the
// engine events docs/events.md promises.
import { describe, expect, it } from 'vitest';
import { webhookFixture } from '../http/fixtures/load';
import { webhookToEvents } from '../../flows/messenger';

const PAGE = '1122334455';
const APP = '1000000000000001';

function read(name: string, appId: string | undefined = APP) {
  const raw = webhookFixture(name, { pageId: PAGE, psid: 'u1', appId: APP, mid: 'm1' });
  const result = webhookToEvents(JSON.parse(raw), appId === undefined ? {} : { appId });
  if (!result.ok) throw new Error(result.message);
  return {
    events: result.events.map((e) => e.event),
    ignored: result.ignored.map((i) => i.reason),
  };
}

describe('every documented webhook kind', () => {
  it('reads a batch whose delivery has no timestamp, keeping the text', () => {
    expect(read('deliveries-without-timestamp')).toEqual({
      events: [{ type: 'text', text: 'hello' }],
      ignored: ['delivery receipt'],
    });
  });

  it('reads a sticker as a sticker, also when it comes as an image too', () => {
    const url = 'https://scontent.xx.fbcdn.net/v/t39.1997-6/sticker_369239263222822.png';
    expect(read('sticker').events).toEqual([
      { type: 'attachment', attachmentType: 'sticker', url },
    ]);
    expect(read('sticker-as-image').events).toEqual([
      { type: 'attachment', attachmentType: 'sticker', url },
    ]);
  });

  it('reads a pinned location as a map link to its coordinates', () => {
    expect(read('location').events).toEqual([
      {
        type: 'attachment',
        attachmentType: 'location',
        url: 'https://www.openstreetmap.org/?mlat=48.2082&mlon=16.3738',
      },
    ]);
  });

  it('reads link shares, posts and reels as shares with their URL', () => {
    expect(read('fallback-link').events).toEqual([
      { type: 'attachment', attachmentType: 'share', url: 'https://shop.example/spring' },
    ]);
    expect(read('shares').events).toEqual([
      {
        type: 'attachment',
        attachmentType: 'share',
        url: 'https://www.facebook.com/shop.example/posts/1234567890',
      },
      {
        type: 'attachment',
        attachmentType: 'share',
        url: 'https://www.facebook.com/reel/987654321',
      },
      {
        type: 'attachment',
        attachmentType: 'share',
        url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=555',
      },
    ]);
  });

  it('reads several images of one message as one event', () => {
    expect(read('several-images').events).toEqual([
      {
        type: 'attachment',
        attachmentType: 'image',
        url: 'https://scontent.xx.fbcdn.net/v/photo-1.jpg',
        more: [
          { attachmentType: 'image', url: 'https://scontent.xx.fbcdn.net/v/photo-2.jpg' },
          { attachmentType: 'image', url: 'https://scontent.xx.fbcdn.net/v/photo-3.jpg' },
        ],
      },
    ]);
  });

  it('reads audio, video and files', () => {
    expect(
      read('audio-video-file').events.map((e) => e.type === 'attachment' && e.attachmentType),
    ).toEqual(['audio', 'video', 'file']);
  });

  it('reads a reply to an earlier message as ordinary text', () => {
    expect(read('reply-to').events).toEqual([{ type: 'text', text: 'hello' }]);
  });

  it('ignores edits, reactions, reads, echoes and policy enforcement, saying why', () => {
    expect(read('message-edit')).toEqual({
      events: [],
      ignored: ['edit of an earlier message (the conversation has moved on)'],
    });
    expect(read('reaction').ignored).toEqual(['reaction to a message', 'reaction to a message']);
    expect(read('read').ignored).toEqual(['read receipt']);
    expect(read('echo').ignored).toEqual(['echo of a message the Page sent']);
    expect(read('policy-enforcement').ignored).toEqual([
      'policy enforcement (the runtime logs it)',
    ]);
  });

  it('reads handovers: taken by the Inbox, passed back to us, passed to another app', () => {
    expect(read('take-thread-control').events).toEqual([{ type: 'handover_taken' }]);
    expect(read('pass-thread-control-to-us').events).toEqual([{ type: 'handover_returned' }]);
    expect(read('pass-thread-control-to-other-app').events).toEqual([{ type: 'handover_taken' }]);
  });

  it('without our app id, still does not take a pass to the Page Inbox for a return', () => {
    const raw = webhookFixture('pass-thread-control-to-us', { pageId: PAGE, psid: 'u1' }).replace(
      `"new_owner_app_id":"${APP}"`,
      '"new_owner_app_id":"263902037430900"',
    );
    const result = webhookToEvents(JSON.parse(raw));
    expect(result.ok && result.events.map((e) => e.event)).toEqual([{ type: 'handover_taken' }]);
  });

  it('reports standby events and odd items without losing the good event', () => {
    expect(read('standby').events).toEqual([]);
    expect(read('odd-items')).toEqual({
      events: [{ type: 'text', text: 'hello' }],
      ignored: [
        'entry 0 has no id',
        'entry 1: messaging is not a list',
        'entry 2 has no id',
        'entry 3: messaging 0 is not an object',
      ],
    });
  });

  it('turns a message the flow cannot read into "anything else"', () => {
    const result = webhookToEvents({
      object: 'page',
      entry: [
        {
          id: PAGE,
          messaging: [
            {
              sender: { id: 'u1' },
              timestamp: 1,
              message: { mid: 'm', attachments: [{ type: 'appointment_booking', payload: {} }] },
            },
            { sender: { id: 'u1' }, timestamp: 2, message: { mid: 'n', is_unsupported: true } },
          ],
        },
      ],
    });
    expect(result.ok && result.events.map((e) => e.event)).toEqual([
      { type: 'other_message', what: 'attachment of type "appointment_booking" is not handled' },
      { type: 'other_message', what: 'a message without content' },
    ]);
  });
});
