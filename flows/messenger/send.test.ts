import { describe, expect, it } from 'vitest';
import type { Block, QuickReply } from '../schema';
import { getStarted, Player, testFlow } from '../engine/testFlow';
import { markSeenBody, messagingTypeFor, sendBodies } from './send';
import { passThreadControlBody } from './handover';

/** The Send API bodies a message node with these blocks produces for PSID "u1". */
function bodiesOf(blocks: Block[], quickReplies?: QuickReply[]) {
  const flow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'm' } },
      { id: 'm', type: 'message', data: { blocks, ...(quickReplies ? { quickReplies } : {}) } },
    ],
    { entries: { getStarted: 'start' } },
  );
  return sendBodies(
    new Player(flow, { id: 'u1', first_name: 'Anna' }).send(getStarted).actions,
    'u1',
    'RESPONSE',
  );
}

describe('Send API bodies', () => {
  it('sends a text block as a text message with its template rendered', () => {
    expect(bodiesOf([{ type: 'text', text: 'Hi {{user_first_name}}' }])).toEqual([
      { recipient: { id: 'u1' }, messaging_type: 'RESPONSE', message: { text: 'Hi Anna' } },
    ]);
  });

  it('sends a text block with buttons as a button template', () => {
    const bodies = bodiesOf([
      {
        type: 'text',
        text: 'Pick one',
        buttons: [
          { id: 'b1', type: 'postback', title: 'More' },
          { id: 'b2', type: 'url', title: 'Site', url: 'https://example.com' },
          { id: 'b3', type: 'call', title: 'Call us', phone: '+4930123456' },
        ],
      },
    ]);
    expect(bodies).toEqual([
      {
        recipient: { id: 'u1' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'button',
              text: 'Pick one',
              buttons: [
                { type: 'postback', title: 'More', payload: 'TL1:b:m:b1' },
                { type: 'web_url', title: 'Site', url: 'https://example.com' },
                { type: 'phone_number', title: 'Call us', payload: '+4930123456' },
              ],
            },
          },
        },
      },
    ]);
  });

  it('sends cards as a generic template with elements, default action and buttons', () => {
    const bodies = bodiesOf([
      {
        type: 'cards',
        cards: [
          {
            id: 'c1',
            title: 'Runner',
            subtitle: '99 EUR',
            imageUrl: 'https://img/1.jpg',
            url: 'https://shop/1',
            buttons: [{ id: 'buy', type: 'postback', title: 'Buy' }],
          },
          { id: 'c2', title: 'Walker', subtitle: '79 EUR' },
        ],
      },
    ]);
    expect(bodies).toEqual([
      {
        recipient: { id: 'u1' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'generic',
              elements: [
                {
                  title: 'Runner',
                  subtitle: '99 EUR',
                  image_url: 'https://img/1.jpg',
                  default_action: { type: 'web_url', url: 'https://shop/1' },
                  buttons: [{ type: 'postback', title: 'Buy', payload: 'TL1:b:m:buy' }],
                },
                { title: 'Walker', subtitle: '79 EUR' },
              ],
            },
          },
        },
      },
    ]);
  });

  it.each(['image', 'video', 'audio', 'file'] as const)(
    'sends a %s block as an attachment by url',
    (type) => {
      expect(bodiesOf([{ type, url: `https://cdn/x.${type}` }])).toEqual([
        {
          recipient: { id: 'u1' },
          messaging_type: 'RESPONSE',
          message: {
            attachment: { type, payload: { url: `https://cdn/x.${type}`, is_reusable: true } },
          },
        },
      ]);
    },
  );

  it('sends a typing block as typing_on (the pause is for the host); a trailing one also typing_off', () => {
    expect(
      bodiesOf([
        { type: 'typing', seconds: 1.5 },
        { type: 'text', text: 'Done' },
      ]),
    ).toEqual([
      { recipient: { id: 'u1' }, sender_action: 'typing_on' },
      { recipient: { id: 'u1' }, messaging_type: 'RESPONSE', message: { text: 'Done' } },
    ]);
    expect(bodiesOf([{ type: 'typing', seconds: 1 }])).toEqual([
      { recipient: { id: 'u1' }, sender_action: 'typing_on' },
      { recipient: { id: 'u1' }, sender_action: 'typing_off' },
    ]);
  });

  it('attaches quick replies to the last message only', () => {
    const bodies = bodiesOf(
      [
        { type: 'text', text: 'One' },
        { type: 'image', url: 'https://cdn/a.png' },
      ],
      [
        { id: 'yes', title: 'Yes', imageUrl: 'https://cdn/y.png' },
        { id: 'no', title: 'No' },
      ],
    );
    expect(bodies).toEqual([
      { recipient: { id: 'u1' }, messaging_type: 'RESPONSE', message: { text: 'One' } },
      {
        recipient: { id: 'u1' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: { type: 'image', payload: { url: 'https://cdn/a.png', is_reusable: true } },
          quick_replies: [
            {
              content_type: 'text',
              title: 'Yes',
              payload: 'TL1:r:m:yes',
              image_url: 'https://cdn/y.png',
            },
            { content_type: 'text', title: 'No', payload: 'TL1:r:m:no' },
          ],
        },
      },
    ]);
  });

  it.each([
    ['email', 'user_email'],
    ['phone', 'user_phone_number'],
  ] as const)('offers the %s input the %s quick reply', (kind, contentType) => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
        {
          id: 'ask',
          type: 'input',
          data: { prompt: 'Yours?', kind, variable: 'v', suggestions: ['Skip'] },
        },
      ],
      { entries: { getStarted: 'start' } },
    );
    const actions = new Player(flow, { id: 'u1' }).send(getStarted).actions;
    expect(sendBodies(actions, 'u1', 'RESPONSE')).toEqual([
      {
        recipient: { id: 'u1' },
        messaging_type: 'RESPONSE',
        message: {
          text: 'Yours?',
          quick_replies: [
            { content_type: contentType },
            { content_type: 'text', title: 'Skip', payload: 'TL1:s:ask' },
          ],
        },
      },
    ]);
  });

  it('marks a message as seen with a sender action alone', () => {
    expect(markSeenBody('u1')).toEqual({ recipient: { id: 'u1' }, sender_action: 'mark_seen' });
  });

  it('marks resumed delays as UPDATE and replies as RESPONSE', () => {
    expect(messagingTypeFor({ type: 'resume', step: 'd', dueAt: 1 })).toBe('UPDATE');
    expect(messagingTypeFor({ type: 'text', text: 'hi' })).toBe('RESPONSE');
  });

  it('passes the thread to the Page Inbox with the note as metadata', () => {
    expect(passThreadControlBody('u1', 'VIP')).toEqual({
      recipient: { id: 'u1' },
      target_app_id: 263902037430900,
      metadata: 'VIP',
    });
    expect(passThreadControlBody('u1')).toEqual({
      recipient: { id: 'u1' },
      target_app_id: 263902037430900,
    });
  });
});
