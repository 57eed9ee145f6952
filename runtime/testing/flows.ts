// Flows for the runtime's tests: the shipped examples, plus small documents that exercise what
// the examples do not (delays, HTTP nodes), compiled with the real compiler.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFlow } from '../../flows/compile';
import { parseFlowDocument } from '../../flows/load';
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
