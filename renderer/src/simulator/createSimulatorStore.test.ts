import { describe, expect, it } from 'vitest';
import { FlowDocument } from '../../../flows';
import shopJson from '../../../flows/examples/shop.flow.json';
import supportJson from '../../../flows/examples/support.flow.json';
import leadJson from '../../../flows/examples/lead-capture.flow.json';
import { conversationItems, openQuickReplies } from './conversation';
import { createSimulatorStore, type SimulatorDeps } from './createSimulatorStore';
import { defaultSettings } from './settings';
import { userEvents } from './userEvents';

const support = FlowDocument.parse(supportJson);
const shop = FlowDocument.parse(shopJson);

function storeFor(
  doc: FlowDocument,
  callHost: SimulatorDeps['callHost'] = () => Promise.reject(new Error('offline')),
) {
  const store = createSimulatorStore({ callHost, settings: { ...defaultSettings } });
  store.getState().loadDraft(doc);
  return store;
}

function botTexts(store: ReturnType<typeof storeFor>): string[] {
  return conversationItems(store.getState().turns).flatMap((i) =>
    i.kind === 'bot' && i.message.type === 'send_text' ? [i.message.text] : [],
  );
}

function tapReply(store: ReturnType<typeof storeFor>, title: string) {
  const open = openQuickReplies(conversationItems(store.getState().turns));
  const reply = open?.item.message.quickReplies?.find(
    (q) => q.type === 'text' && q.title === title,
  );
  if (!reply || reply.type !== 'text') throw new Error(`no quick reply ${title}`);
  return store.getState().send(userEvents.quickReply(reply));
}

describe('simulator store', () => {
  it('starts a chat from a comment: one private reply, then the chat goes on', async () => {
    const doc = FlowDocument.parse(supportJson);
    const first = doc.edges.find((e) => e.sourceHandle === 'out')!;
    doc.nodes.push({
      id: 'n-comment',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { kind: 'comment', keywords: ['help'] },
    });
    doc.edges.push({
      id: 'e-comment',
      source: 'n-comment',
      sourceHandle: 'out',
      target: first.target,
    });
    const store = storeFor(doc);
    expect(store.getState().phase).toBe('ready');
    await store.getState().send(userEvents.comment('post-1', 'I need help'));
    const turn = store.getState().turns.at(-1)!;
    const sent = turn.actions.filter((a) => a.type === 'send_text');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ commentId: expect.stringMatching(/^post-1_sim\d+$/) });
    expect(botTexts(store)).toContain(
      'Hi Anna, this is Stride support. What do you need help with?',
    );
    // The disclosure was kept for after the private reply: it comes when the user answers.
    await tapReply(store, 'Shipping times');
    expect(botTexts(store).some((t) => t.includes('automated'))).toBe(true);
  });

  it('greets the simulated user by the profile name after Get Started', async () => {
    const store = storeFor(support);
    expect(store.getState().phase).toBe('ready');
    await store.getState().send(userEvents.getStarted());
    expect(botTexts(store)).toContain(
      'Hi Anna, this is Stride support. What do you need help with?',
    );
    expect(store.getState().highlight.active).toBe('n-welcome');
  });

  it('refuses to run a draft with lint errors and names them', () => {
    const broken = { ...support, edges: [...support.edges, { ...support.edges[0]!, id: 'dup' }] };
    const store = storeFor(broken);
    expect(store.getState().phase).toBe('blocked');
    expect(store.getState().findings.length).toBeGreaterThan(0);
  });

  it('hides quick replies once answered and goes back in time to answer differently', async () => {
    const store = storeFor(support);
    await store.getState().send(userEvents.getStarted());
    const before = store.getState().turns.length;
    await tapReply(store, 'Shipping times');
    expect(openQuickReplies(conversationItems(store.getState().turns))?.item.step).not.toBe(
      'n-welcome',
    );
    expect(botTexts(store).some((t) => t.startsWith('We ship within'))).toBe(true);

    store.getState().rewind(before);
    expect(openQuickReplies(conversationItems(store.getState().turns))?.item.step).toBe(
      'n-welcome',
    );
    expect(botTexts(store).some((t) => t.startsWith('We ship within'))).toBe(false);
  });

  it('asks the tester for an HTTP answer when the call fails offline, and uses it', async () => {
    const store = storeFor(shop);
    await store.getState().send(userEvents.text('order'));
    const sending = store.getState().send(userEvents.text('104233'));
    await expect.poll(() => store.getState().httpPrompt?.request.step).toBe('n-order-lookup');
    store.getState().answerHttp({ status: 200, body: '{"status":"delivered"}' });
    await sending;
    expect(store.getState().session?.variables.order_status).toBe('delivered');
    expect(botTexts(store)).toContain('Order 104233 was delivered. Enjoy your new shoes!');
  });

  it('uses a canned answer stored for the node instead of calling out', async () => {
    let called = 0;
    const store = storeFor(shop, () => {
      called++;
      return Promise.reject(new Error('offline'));
    });
    store.getState().setCanned('n-order-lookup', { status: 200, body: '{"status":"shipped"}' });
    await store.getState().send(userEvents.text('order'));
    await store.getState().send(userEvents.text('104233'));
    expect(called).toBe(0);
    expect(store.getState().session?.variables.order_status).toBe('shipped');
  });

  it('lets the tester set a tag, and keeps it when going back to that turn', async () => {
    const store = storeFor(support);
    await store.getState().send(userEvents.getStarted());
    store.getState().setTag('vip', true);
    const count = store.getState().turns.length;
    await tapReply(store, 'Shipping times');
    store.getState().rewind(count);
    expect(store.getState().session?.tags).toEqual(['vip']);
    expect(store.getState().edited).toBe(true);
  });

  it('offers the changed draft without losing the chat, and restarts on request', async () => {
    const store = storeFor(support);
    await store.getState().send(userEvents.getStarted());
    const renamed = { ...support, name: 'Renamed support' };
    store.getState().loadDraft(renamed);
    const { running, draft } = store.getState();
    expect(running?.revision).not.toBe(draft?.revision);
    expect(store.getState().turns.length).toBeGreaterThan(0);
    store.getState().restart();
    expect(store.getState().turns).toEqual([]);
    expect(store.getState().running?.revision).toBe(draft?.revision);
  });
});

describe('canvas highlight', () => {
  it('marks the node that ran last, the newest path, and what was visited before', async () => {
    const store = storeFor(support);
    await store.getState().send(userEvents.getStarted());
    await tapReply(store, 'Shipping times');
    const { nodes, active } = store.getState().highlight;
    expect(active).toBe('n-more');
    expect(nodes.get('n-more')).toBe('active');
    expect(nodes.get('n-shipping')).toBe('path');
    expect(nodes.get('n-start')).toBe('visited');
    expect(nodes.has('n-returns')).toBe(false);
  });
});

describe('profile quick replies', () => {
  it('fills in the email the simulated profile holds, as Messenger does', async () => {
    const store = storeFor(FlowDocument.parse(leadJson));
    await store.getState().send(userEvents.getStarted());
    await tapReply(store, 'Yes please!');
    const offered = openQuickReplies(conversationItems(store.getState().turns));
    expect(offered?.item.message.quickReplies).toContainEqual({ type: 'user_email' });
    await store.getState().send(userEvents.profileReply(store.getState().settings.contact.email));
    expect(store.getState().session?.variables.email).toBe('anna@example.com');
  });
});

describe('m.me links', () => {
  it('starts the ref trigger when the user arrives through a link, shown as a note not a message', async () => {
    const store = storeFor(FlowDocument.parse(leadJson));
    await store.getState().send(userEvents.referral('spring-guide'));
    const items = conversationItems(store.getState().turns);
    expect(items[0]).toMatchObject({ kind: 'note', text: 'Opened a link with ref spring-guide' });
    expect(store.getState().highlight.nodes.get('n-ad-ref')).toBe('path');
  });
});

describe('live HTTP', () => {
  it('calls out through the host with the rendered request and uses its answer', async () => {
    const calls: unknown[] = [];
    const store = storeFor(shop, async (request) => {
      calls.push(request);
      return { status: 200, headers: {}, body: '{"status":"processing"}' };
    });
    await store.getState().send(userEvents.text('order'));
    await store.getState().send(userEvents.text('104233'));
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: 'https://api.example.com/orders/104233',
        headers: { Accept: 'application/json' },
      }),
    ]);
    expect(store.getState().httpPrompt).toBeNull();
    expect(store.getState().session?.variables.order_status).toBe('processing');
  });
});

describe('the 24-hour window', () => {
  /** The lead-capture flow with its follow-up delay set to `seconds`. */
  function leadWithDelay(seconds: number) {
    const doc = FlowDocument.parse(leadJson);
    const wait = doc.nodes.find((n) => n.id === 'n-wait');
    if (wait?.type !== 'delay') throw new Error('lead-capture has no delay n-wait');
    wait.data.seconds = seconds;
    return storeFor(doc);
  }

  async function throughTheDelay(store: ReturnType<typeof storeFor>) {
    await store.getState().send(userEvents.getStarted());
    await tapReply(store, 'Yes please!');
    await store.getState().send(userEvents.text('anna@example.com'));
    await tapReply(store, 'Maybe later');
    await store.getState().skipDelay();
    return conversationItems(store.getState().turns);
  }

  it('shows a reply past 24 hours as not delivered, and offers none of its quick replies', async () => {
    const items = await throughTheDelay(leadWithDelay(25 * 3600));
    const last = items[items.length - 1]!;
    expect(last).toMatchObject({ kind: 'bot', step: 'n-follow-up', dropped: 'outside-window' });
    expect(last.kind === 'bot' && last.message.type === 'send_text' && last.message.text).toContain(
      'did you get a chance to look at the guide?',
    );
    expect(openQuickReplies(items)).toBeNull();
  });

  it('delivers the same reply 23 hours later', async () => {
    const items = await throughTheDelay(leadWithDelay(23 * 3600));
    const last = items[items.length - 1]!;
    expect(last).toMatchObject({ kind: 'bot', step: 'n-follow-up' });
    expect(last).not.toHaveProperty('dropped');
    expect(openQuickReplies(items)?.item).toBe(last);
  });
});

describe('links made from variables', () => {
  it('says so when a link is left out because its variable is not a web address', async () => {
    const at = { x: 0, y: 0 };
    const doc = FlowDocument.parse({
      format: 'threadline.flow',
      version: 1,
      id: 'links',
      name: 'Links',
      variables: [],
      nodes: [
        { id: 'start', type: 'trigger', position: at, data: { kind: 'get_started' } },
        {
          id: 'hello',
          type: 'message',
          position: at,
          data: {
            blocks: [
              {
                type: 'text',
                text: 'Hello',
                buttons: [
                  { id: 'bad', type: 'url', title: 'Mine', url: '{{user_first_name}}' },
                  {
                    id: 'ok',
                    type: 'url',
                    title: 'Shop',
                    url: 'https://shop.example/{{user_first_name}}',
                  },
                ],
              },
            ],
          },
        },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'hello' }],
    });
    const store = storeFor(doc);
    await store.getState().send(userEvents.getStarted());
    const items = conversationItems(store.getState().turns);
    const bot = items.find((i) => i.kind === 'bot');
    expect(bot?.kind === 'bot' && bot.message.type === 'send_text' && bot.message.buttons).toEqual([
      { type: 'url', title: 'Shop', url: 'https://shop.example/Anna' },
    ]);
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'note',
        tone: 'info',
        step: 'hello',
        text: expect.stringContaining(
          'The link of button "Mine" was left out: "Anna" is not an https address',
        ),
      }),
    );
  });
});
