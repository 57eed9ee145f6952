// The scripted shopper both the engine and the runtime benchmarks drive the shop example with.
import type { EngineEvent } from '../flows';

/**
 * The shop example as engine.steps_per_s drives it: get started, browse (a text and a card
 * gallery), pick a shoe (a question), a wrong and a right size (quick replies), menus, small talk.
 */
export const SHOP_SCRIPT: EngineEvent[] = [
  { type: 'get_started' },
  { type: 'quick_reply', payload: 'TL1:r:n-welcome:browse', text: 'Browse shoes' },
  { type: 'postback', payload: 'TL1:b:n-catalog:pick-runner', title: 'Choose this one' },
  { type: 'text', text: 'forty' },
  { type: 'text', text: '42' },
  { type: 'quick_reply', payload: 'TL1:r:n-more:menu', text: 'Main menu' },
  { type: 'text', text: 'size guide' },
  { type: 'quick_reply', payload: 'TL1:r:n-more:done', text: "That's all" },
  { type: 'text', text: 'what about sandals?' },
  { type: 'text', text: 'hello' },
];
