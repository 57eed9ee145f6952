// A small shop-like compiled flow shared by the engine's tests.
import { testFlow } from './testFlow';

export const shopLike = (
  extra: { disclosure?: string; withOther?: boolean; withDefault?: boolean } = {},
) =>
  testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'menu' } },
      {
        id: 'kw-help',
        type: 'trigger',
        data: { kind: 'keyword', keywords: ['help'], match: 'exact' },
        outputs: { out: 'help' },
      },
      {
        id: 'kw-order',
        type: 'trigger',
        data: { kind: 'keyword', keywords: ['order status', 'help me'], match: 'contains' },
        outputs: { out: 'orders' },
      },
      {
        id: 'promo',
        type: 'trigger',
        data: { kind: 'ref', ref: 'promo' },
        outputs: { out: 'orders' },
      },
      {
        id: 'fallback-trigger',
        type: 'trigger',
        data: { kind: 'default' },
        outputs: { out: 'fallback' },
      },
      {
        id: 'menu',
        type: 'message',
        data: {
          blocks: [{ type: 'text', text: 'Hi {{user_first_name|there}}!' }],
          quickReplies: [
            { id: 'shop', title: 'Shop' },
            { id: 'ask', title: 'Give email' },
          ],
        },
        outputs: {
          'reply:shop': 'shop',
          'reply:ask': 'ask-email',
          ...(extra.withOther ? { other: 'fallback' } : {}),
        },
      },
      {
        id: 'shop',
        type: 'message',
        data: {
          blocks: [
            {
              type: 'text',
              text: 'Our shop',
              buttons: [
                { id: 'more', type: 'postback', title: 'More' },
                { id: 'site', type: 'url', title: 'Site', url: 'https://example.com' },
              ],
            },
          ],
        },
        outputs: { 'button:more': 'help' },
      },
      {
        id: 'ask-email',
        type: 'input',
        data: {
          prompt: 'Your email?',
          kind: 'email',
          variable: 'email',
          retryPrompt: 'That is not an email.',
        },
        outputs: { ok: 'thanks', invalid: 'giveup' },
      },
      {
        id: 'thanks',
        type: 'message',
        data: { blocks: [{ type: 'text', text: 'Thanks {{email}}' }] },
      },
      { id: 'giveup', type: 'message', data: { blocks: [{ type: 'text', text: 'Never mind' }] } },
      { id: 'help', type: 'message', data: { blocks: [{ type: 'text', text: 'Help text' }] } },
      { id: 'orders', type: 'message', data: { blocks: [{ type: 'text', text: 'Orders' }] } },
      { id: 'fallback', type: 'message', data: { blocks: [{ type: 'text', text: 'Sorry' }] } },
    ],
    {
      entries: {
        getStarted: 'start',
        keywords: [
          { keywords: ['help'], match: 'exact', target: 'kw-help' },
          { keywords: ['order status', 'help me'], match: 'contains', target: 'kw-order' },
        ],
        refs: [{ ref: 'promo', target: 'promo' }],
        ...(extra.withDefault === false ? {} : { default: 'fallback-trigger' }),
      },
      ...(extra.disclosure !== undefined ? { disclosure: extra.disclosure } : {}),
    },
  );
