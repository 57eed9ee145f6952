import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile';
import shop from '../examples/shop.flow.json';
import { validateFlowDocument } from '../load';
import type { CompiledFlow, CompiledStep, StepOfType, StepType } from '../schema';
import { diffFlows, FlowDiff, isEmptyDiff, strandedWaits } from './index';

function shopCompiled(): CompiledFlow {
  const loaded = validateFlowDocument(structuredClone(shop));
  if (!loaded.ok) throw new Error('shop example does not load');
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.compiled;
}

function stepOf<T extends StepType>(flow: CompiledFlow, id: string, type: T): StepOfType<T> {
  const step = flow.steps.find((s) => s.id === id);
  if (step?.type !== type) throw new Error(`${id} is not a ${type}`);
  return step as StepOfType<T>;
}

/** The diff's one node entry, after checking that it is the only one. */
function onlyNode(diff: FlowDiff) {
  expect(diff.nodes).toHaveLength(1);
  return diff.nodes[0]!;
}

describe('diffFlows', () => {
  it('is empty for a flow and itself, and every diff it returns passes its schema', () => {
    const flow = shopCompiled();
    const diff = diffFlows(flow, structuredClone(flow));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.nodes).toEqual([]);
    expect(FlowDiff.parse(diff)).toEqual(diff);
  });

  it('gives a text before and after, linked to its node', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    const block = stepOf(after, 'n-welcome', 'message').data.blocks[0]!;
    if (block.type !== 'text') throw new Error('not text');
    const old = block.text;
    block.text = 'Hello again!';
    const diff = diffFlows(before, after);
    expect(diff.changed).toEqual(['n-welcome']);
    expect(onlyNode(diff)).toEqual({
      nodeId: 'n-welcome',
      type: 'message',
      change: 'changed',
      texts: [{ path: 'blocks[0].text', before: old, after: 'Hello again!' }],
      items: [],
      connections: [],
      settings: [],
    });
  });

  it('names quick replies added, removed and renamed, and the rewired handles', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    const welcome = stepOf(after, 'n-welcome', 'message');
    const replies = welcome.data.quickReplies!;
    replies[0]!.title = 'Shop shoes';
    replies.splice(2, 1);
    replies.push({ id: 'human', title: 'Talk to a person' });
    const sizes = welcome.outputs['reply:sizes'];
    delete welcome.outputs['reply:sizes'];
    welcome.outputs['reply:human'] = 'n-handover';
    const change = onlyNode(diffFlows(before, after));
    expect(change.items).toEqual([
      {
        kind: 'quickReply',
        id: 'browse',
        change: 'renamed',
        before: 'Browse shoes',
        after: 'Shop shoes',
        fields: [],
      },
      { kind: 'quickReply', id: 'human', change: 'added', after: 'Talk to a person', fields: [] },
      { kind: 'quickReply', id: 'sizes', change: 'removed', before: 'Size guide', fields: [] },
    ]);
    expect(change.connections).toEqual([
      { handle: 'reply:human', before: null, after: 'n-handover' },
      { handle: 'reply:sizes', before: sizes, after: null },
    ]);
    expect(change.settings).toEqual([
      {
        path: 'quickReplies',
        before: ['browse', 'order', 'sizes'],
        after: ['browse', 'order', 'human'],
      },
    ]);
  });

  it('names cards and buttons inside cards, with the properties that changed', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    const cards = stepOf(after, 'n-catalog', 'message').data.blocks[1]!;
    if (cards.type !== 'cards') throw new Error('not cards');
    cards.cards[0]!.subtitle = '€99 · on sale';
    const info = cards.cards[0]!.buttons![1]!;
    if (info.type !== 'url') throw new Error('not a url button');
    info.url = 'https://example.com/sale';
    cards.cards.pop();
    const change = onlyNode(diffFlows(before, after));
    expect(change.items).toEqual([
      {
        kind: 'card',
        id: 'runner',
        change: 'changed',
        before: 'Trail Runner 2',
        after: 'Trail Runner 2',
        fields: ['subtitle'],
      },
      {
        kind: 'button',
        id: 'info-runner',
        change: 'changed',
        before: 'Details',
        after: 'Details',
        fields: ['url'],
      },
      { kind: 'card', id: 'city', change: 'removed', before: 'City Walker', fields: [] },
      { kind: 'button', id: 'pick-city', change: 'removed', before: 'Choose this one', fields: [] },
      { kind: 'button', id: 'info-city', change: 'removed', before: 'Details', fields: [] },
    ]);
    expect(change.settings.map((s) => s.path)).toEqual(['blocks[1].cards']);
    expect(change.texts).toEqual([]);
  });

  it('aligns message blocks, so an inserted block does not change the ones after it', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    const catalog = stepOf(after, 'n-catalog', 'message');
    catalog.data.blocks.unshift({ type: 'typing', seconds: 2 });
    const change = onlyNode(diffFlows(before, after));
    expect(change.texts).toEqual([]);
    expect(change.items).toEqual([]);
    expect(change.settings).toEqual([
      { path: 'blocks[0].type', after: 'typing' },
      { path: 'blocks[0].seconds', after: 2 },
    ]);
  });

  it('pairs an edited block with its old self, also when blocks around it are added', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    const blocks = stepOf(after, 'n-catalog', 'message').data.blocks;
    const first = blocks[0]!;
    if (first.type !== 'text') throw new Error('not text');
    first.text = 'New this week:';
    blocks.push({ type: 'text', text: 'Anything you like?' });
    const change = onlyNode(diffFlows(before, after));
    expect(change.texts).toEqual([
      {
        path: 'blocks[0].text',
        before: "Here are this week's favourites:",
        after: 'New this week:',
      },
      { path: 'blocks[2].text', after: 'Anything you like?' },
    ]);
  });

  it('reports input prompts as texts and its other settings by name', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    const ask = stepOf(after, 'n-order-ask', 'input');
    ask.data.prompt = 'Your order number, please.';
    ask.data.maxRetries = 3;
    delete ask.data.pattern;
    const change = onlyNode(diffFlows(before, after));
    expect(change.texts).toEqual([
      {
        path: 'prompt',
        before: stepOf(before, 'n-order-ask', 'input').data.prompt,
        after: 'Your order number, please.',
      },
    ]);
    expect(change.settings).toEqual([
      { path: 'maxRetries', before: 2, after: 3 },
      { path: 'pattern', before: '^\\d{6}$' },
    ]);
  });

  it('reports nested settings (http headers), branches and split variants', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    stepOf(after, 'n-order-lookup', 'http').data.headers = { Accept: 'text/plain' };
    stepOf(after, 'n-offer-split', 'split').data.variants[0]!.weight = 80;
    const branch = stepOf(after, 'n-order-condition', 'condition').data.branches[0]!;
    branch.match = 'any';
    const diff = diffFlows(before, after);
    expect(diff.changed).toEqual(['n-order-lookup', 'n-order-condition', 'n-offer-split']);
    const byId = new Map(diff.nodes.map((n) => [n.nodeId, n]));
    expect(byId.get('n-order-lookup')!.settings).toEqual([
      { path: 'headers.Accept', before: 'application/json', after: 'text/plain' },
    ]);
    expect(byId.get('n-offer-split')!.items).toEqual([
      {
        kind: 'variant',
        id: 'discount',
        change: 'changed',
        before: 'discount',
        after: 'discount',
        fields: ['weight'],
      },
    ]);
    expect(byId.get('n-order-condition')!.items[0]).toMatchObject({
      kind: 'branch',
      id: 'shipped',
      fields: ['match'],
    });
  });

  it('lists a removed node with its content, and an added one', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    after.steps = after.steps.filter((s) => s.id !== 'n-order-ask');
    after.steps.push({ id: 'n-new', type: 'delay', data: { seconds: 60 }, outputs: {} });
    const diff = diffFlows(before, after);
    expect(diff.added).toEqual(['n-new']);
    expect(diff.removed).toEqual(['n-order-ask']);
    const removed = diff.nodes.find((n) => n.nodeId === 'n-order-ask')!;
    expect(removed.change).toBe('removed');
    expect(removed.type).toBe('input');
    expect(removed.texts.map((t) => t.path)).toEqual(['prompt', 'retryPrompt']);
    expect(removed.texts.every((t) => t.after === undefined)).toBe(true);
    expect(diff.nodes.find((n) => n.nodeId === 'n-new')).toMatchObject({
      change: 'added',
      settings: [{ path: 'seconds', after: 60 }],
    });
  });

  it('says when a node keeps its id but changes its type', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    const index = after.steps.findIndex((s) => s.id === 'n-handover');
    after.steps[index] = { id: 'n-handover', type: 'end', data: {}, outputs: {} } as CompiledStep;
    const change = onlyNode(diffFlows(before, after));
    expect(change).toMatchObject({ type: 'end', typeBefore: 'handover', change: 'changed' });
  });

  it('reports profile fields, entries and variables one by one', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    after.profile!.greeting = [{ locale: 'default', text: 'Hello!' }];
    after.variables = after.variables.filter((v) => v.name !== 'tracking_url');
    after.variables.push({ name: 'coupon', type: 'text' });
    after.variables[0] = { ...after.variables[0]!, default: 'none' };
    const diff = diffFlows(before, after);
    expect(diff.settings).toEqual(['profile', 'variables']);
    expect(diff.flow).toEqual([
      {
        path: 'profile.greeting',
        before: before.profile!.greeting,
        after: after.profile!.greeting,
      },
    ]);
    expect(diff.variables).toEqual([
      {
        name: 'product',
        change: 'changed',
        before: { type: 'text' },
        after: { type: 'text', default: 'none' },
      },
      { name: 'coupon', change: 'added', after: { type: 'text' } },
      { name: 'tracking_url', change: 'removed', before: { type: 'url' } },
    ]);
  });
});

describe('strandedWaits', () => {
  it('lists removed waits, type changes and messages that stop asking, in flow order', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    after.steps = after.steps.filter((s) => s.id !== 'n-order-ask' && s.id !== 'n-size');
    delete stepOf(after, 'n-more', 'message').data.quickReplies;
    stepOf(after, 'n-welcome', 'message').data.quickReplies!.splice(1, 1);
    const index = after.steps.findIndex((s) => s.id === 'n-handover');
    after.steps[index] = { id: 'n-handover', type: 'end', data: {}, outputs: {} } as CompiledStep;
    // Text or settings changes at a wait strand nobody.
    stepOf(after, 'n-order-lookup', 'http').data.timeoutMs = 9000;
    expect(strandedWaits(diffFlows(before, after), before)).toEqual([
      { nodeId: 'n-welcome', type: 'message', reason: 'replies-removed', replies: ['order'] },
      { nodeId: 'n-order-ask', type: 'input', reason: 'removed' },
      { nodeId: 'n-size', type: 'input', reason: 'removed' },
      { nodeId: 'n-handover', type: 'handover', reason: 'type-changed' },
      { nodeId: 'n-more', type: 'message', reason: 'no-longer-waits' },
    ]);
  });

  it('is empty when no waiting node is touched', () => {
    const before = shopCompiled();
    const after = structuredClone(before);
    after.steps = after.steps.filter((s) => s.id !== 'n-bye');
    expect(strandedWaits(diffFlows(before, after), before)).toEqual([]);
  });
});
