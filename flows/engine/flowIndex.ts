// Lookup tables built once per compiled flow and cached by object identity, so a step costs map
// lookups instead of scans over the flow's arrays.
import { compileFlowPattern, quoteForFlowPattern, type FlowPattern } from '../regex';
import type { CompiledFlow, CompiledStep, VariableType } from '../schema';
import type { VariableValue } from './session';

export interface KeywordEntry {
  target: string;
  words: string[];
  /** For `contains`: whole-word matchers, one per keyword. */
  matchers: FlowPattern[];
}

/** A comment trigger: its post (any without one) and its words (any comment without them). */
export interface CommentEntry {
  target: string;
  postId?: string;
  match: 'exact' | 'contains';
  words: string[];
  matchers: FlowPattern[];
}

export interface FlowIndex {
  steps: Map<string, CompiledStep>;
  comments: CommentEntry[];
  exact: KeywordEntry[];
  contains: KeywordEntry[];
  refs: Map<string, string>;
  defaults: Map<string, VariableValue>;
  types: Map<string, VariableType>;
}

const cache = new WeakMap<CompiledFlow, FlowIndex>();

export function flowIndex(flow: CompiledFlow): FlowIndex {
  let index = cache.get(flow);
  if (!index) {
    index = buildIndex(flow);
    cache.set(flow, index);
  }
  return index;
}

function buildIndex(flow: CompiledFlow): FlowIndex {
  const exact: KeywordEntry[] = [];
  const contains: KeywordEntry[] = [];
  for (const entry of flow.entries.keywords) {
    const words = entry.keywords.map(normalise).filter((w) => w !== '');
    const keyword = { target: entry.target, words, matchers: words.map(wholeWord) };
    (entry.match === 'exact' ? exact : contains).push(keyword);
  }
  const refs = new Map<string, string>();
  for (const { ref, target } of flow.entries.refs) if (!refs.has(ref)) refs.set(ref, target);
  const defaults = new Map<string, VariableValue>();
  const types = new Map<string, VariableType>();
  for (const v of flow.variables) {
    types.set(v.name, v.type);
    if (v.default !== undefined) defaults.set(v.name, v.default);
  }
  const comments = (flow.entries.comments ?? []).map((entry): CommentEntry => {
    const words = entry.keywords.map(normalise).filter((w) => w !== '');
    return {
      target: entry.target,
      ...(entry.postId !== undefined ? { postId: entry.postId } : {}),
      match: entry.match,
      words,
      matchers: words.map(wholeWord),
    };
  });
  return {
    steps: new Map(flow.steps.map((s) => [s.id, s])),
    comments,
    exact,
    contains,
    refs,
    defaults,
    types,
  };
}

/** Keyword matching ignores case and surrounding (and repeated inner) white space. */
export function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function wholeWord(word: string): FlowPattern {
  const escaped = word.split(' ').map(quoteForFlowPattern).join('\\s+');
  const compiled = compileFlowPattern(`(?:^|[^\\p{L}\\p{N}_])${escaped}(?:$|[^\\p{L}\\p{N}_])`);
  // A quoted word always compiles; the fallback only keeps the types honest.
  return compiled.ok ? compiled.pattern : { test: (text) => text === word };
}

/** The keyword trigger a text starts (docs/format.md §2 rule 5): exact matches first, then document order. */
export function matchKeyword(index: FlowIndex, text: string): string | undefined {
  const said = normalise(text);
  if (said === '') return undefined;
  for (const entry of index.exact) if (entry.words.includes(said)) return entry.target;
  for (const entry of index.contains)
    if (entry.matchers.some((m) => m.test(said))) return entry.target;
  return undefined;
}

/** The comment trigger a comment starts: the first in document order whose post and words fit. */
export function matchComment(index: FlowIndex, postId: string, text: string): string | undefined {
  const said = normalise(text);
  for (const entry of index.comments) {
    if (entry.postId !== undefined && entry.postId !== postId) continue;
    if (entry.words.length === 0) return entry.target;
    if (
      entry.match === 'exact'
        ? entry.words.includes(said)
        : entry.matchers.some((m) => m.test(said))
    )
      return entry.target;
  }
  return undefined;
}
