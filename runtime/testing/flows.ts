// Flows for the runtime's tests: the shipped examples, plus small documents that exercise what
// the examples do not (delays, HTTP nodes), compiled with the real compiler.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFlow } from '../../flows/compile';
import { parseFlowDocument } from '../../flows';
import type { CompiledFlow, FlowDocument } from '../../flows/schema';

export function exampleFlow(name: string): FlowDocument {
  const path = fileURLToPath(new URL(`../../flows/examples/${name}.flow.json`, import.meta.url));
  const loaded = parseFlowDocument(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.document;
}

export function compile(doc: FlowDocument): CompiledFlow {
  const result = compileFlow(doc);
  if (!result.ok) throw new Error(result.findings.map((f) => `${f.code}: ${f.message}`).join('\n'));
  return result.compiled;
}

const at = { x: 0, y: 0 };

/** Get Started: "Hello", a delay of `seconds`, then "Still there?". "ping" answers "pong". */
export function delayFlow(seconds: number): FlowDocument {
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'delays',
    name: 'Delays',
    variables: [],
    nodes: [
      { id: 'start', type: 'trigger', position: at, data: { kind: 'get_started' } },
      {
        id: 'ping',
        type: 'trigger',
        position: at,
        data: { kind: 'keyword', keywords: ['ping'], match: 'exact' },
      },
      { id: 'echo', type: 'trigger', position: at, data: { kind: 'default' } },
      {
        id: 'hello',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'Hello' }] },
      },
      { id: 'wait', type: 'delay', position: at, data: { seconds } },
      {
        id: 'later',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'Still there?' }] },
      },
      {
        id: 'pong',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'pong' }] },
      },
      {
        id: 'said',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'You said {{last_input}}' }] },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'out', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'wait' },
      { id: 'e3', source: 'wait', sourceHandle: 'next', target: 'later' },
      { id: 'e4', source: 'ping', sourceHandle: 'out', target: 'pong' },
      { id: 'e5', source: 'echo', sourceHandle: 'out', target: 'said' },
    ],
  };
}

/** Any text: GET `url`, then "Status: {{status}}" from the JSON answer, or "Lookup failed". */
export function httpFlow(url: string, timeoutMs: number): FlowDocument {
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'lookup',
    name: 'Lookup',
    variables: [{ name: 'status', type: 'text' }],
    nodes: [
      { id: 'any', type: 'trigger', position: at, data: { kind: 'default' } },
      {
        id: 'call',
        type: 'http',
        position: at,
        data: { method: 'GET', url, timeoutMs, save: [{ variable: 'status', path: '$.status' }] },
      },
      {
        id: 'ok',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'Status: {{status}}' }] },
      },
      {
        id: 'bad',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'Lookup failed' }] },
      },
    ],
    edges: [
      { id: 'e1', source: 'any', sourceHandle: 'out', target: 'call' },
      { id: 'e2', source: 'call', sourceHandle: 'ok', target: 'ok' },
      { id: 'e3', source: 'call', sourceHandle: 'error', target: 'bad' },
    ],
  };
}

/** Get Started: a typing indicator for `seconds`, then "After typing". */
export function typingFlow(seconds: number): FlowDocument {
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'typing',
    name: 'Typing',
    variables: [],
    nodes: [
      { id: 'start', type: 'trigger', position: at, data: { kind: 'get_started' } },
      {
        id: 'hello',
        type: 'message',
        position: at,
        data: {
          blocks: [
            { type: 'typing', seconds },
            { type: 'text', text: 'After typing' },
          ],
        },
      },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'hello' }],
  };
}

type FlowNode = FlowDocument['nodes'][number];

const say = (id: string, text: string): FlowNode => ({
  id,
  type: 'message',
  position: at,
  data: { blocks: [{ type: 'text', text }] },
});

/**
 * For the event kinds (docs/events.md): anything else answers "Default answer"; "photo" asks for
 * an image, then for an attachment; "attach" asks for an attachment; "human" hands over.
 */
export function eventsFlow(): FlowDocument {
  const keyword = (id: string, word: string): FlowNode => ({
    id,
    type: 'trigger',
    position: at,
    data: { kind: 'keyword', keywords: [word], match: 'exact' },
  });
  const input = (
    id: string,
    kind: 'image' | 'attachment',
    variable: string,
    prompt: string,
  ): FlowNode => ({
    id,
    type: 'input',
    position: at,
    data: { prompt, kind, variable, retryPrompt: `Not that: ${prompt}` },
  });
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'events',
    name: 'Events',
    variables: [
      { name: 'photo', type: 'text' },
      { name: 'extra', type: 'text' },
      { name: 'file', type: 'text' },
    ],
    nodes: [
      { id: 'any', type: 'trigger', position: at, data: { kind: 'default' } },
      say('fallback', 'Default answer'),
      keyword('photo-word', 'photo'),
      input('ask-photo', 'image', 'photo', 'Send a photo'),
      say('got-photo', 'Got your photo {{photo}}'),
      input('ask-more', 'attachment', 'extra', 'Anything else to attach?'),
      say('got-more', 'Got {{extra}}'),
      keyword('attach-word', 'attach'),
      input('ask-file', 'attachment', 'file', 'Attach it'),
      say('saved', 'Saved {{file}}'),
      keyword('human-word', 'human'),
      { id: 'human', type: 'handover', position: at, data: {} },
      say('back', 'Welcome back'),
    ],
    edges: [
      { id: 'e1', source: 'any', sourceHandle: 'out', target: 'fallback' },
      { id: 'e2', source: 'photo-word', sourceHandle: 'out', target: 'ask-photo' },
      { id: 'e3', source: 'ask-photo', sourceHandle: 'ok', target: 'got-photo' },
      { id: 'e4', source: 'got-photo', sourceHandle: 'next', target: 'ask-more' },
      { id: 'e5', source: 'ask-more', sourceHandle: 'ok', target: 'got-more' },
      { id: 'e6', source: 'attach-word', sourceHandle: 'out', target: 'ask-file' },
      { id: 'e7', source: 'ask-file', sourceHandle: 'ok', target: 'saved' },
      { id: 'e8', source: 'human-word', sourceHandle: 'out', target: 'human' },
      { id: 'e9', source: 'human', sourceHandle: 'returned', target: 'back' },
    ],
  };
}

/**
 * Comment triggers (docs/events.md "Comments"): "guide" under post-guide asks "Want the guide?"
 * with a quick reply, "Yes" sends it; any other comment on any post gets two messages, of which
 * only the first can go out as the private reply.
 */
export function commentFlow(): FlowDocument {
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'comments',
    name: 'Comments',
    variables: [],
    nodes: [
      {
        id: 'on-guide',
        type: 'trigger',
        position: at,
        data: { kind: 'comment', postId: 'post-guide', keywords: ['guide'] },
      },
      { id: 'on-any', type: 'trigger', position: at, data: { kind: 'comment' } },
      {
        id: 'offer',
        type: 'message',
        position: at,
        data: {
          blocks: [{ type: 'text', text: 'Want the guide?' }],
          quickReplies: [{ id: 'yes', title: 'Yes' }],
        },
      },
      {
        id: 'guide',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'Here it is' }] },
      },
      {
        id: 'thanks',
        type: 'message',
        position: at,
        data: {
          blocks: [
            { type: 'text', text: 'Thanks for your comment!' },
            { type: 'text', text: 'Anything else?' },
          ],
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'on-guide', sourceHandle: 'out', target: 'offer' },
      { id: 'e2', source: 'offer', sourceHandle: 'reply:yes', target: 'guide' },
      { id: 'e3', source: 'on-any', sourceHandle: 'out', target: 'thanks' },
    ],
  };
}
