// Flow patterns (an input's `pattern`, a condition's `matches`, keyword triggers) run on RE2
// (re2js, pure JavaScript), which matches in time linear in the text. JavaScript's own RegExp
// backtracks: with `^(a+)+$` one crafted 31-character answer froze the whole runtime for half a
// minute, and again after every restart. Every pattern from a flow is compiled here and nowhere
// else, so the simulator, the CLI and the runtime judge a text the same way.
import { RE2JS } from 're2js';

export interface FlowPattern {
  /** Whether the pattern matches somewhere in the text, like RegExp.prototype.test. */
  test(text: string): boolean;
}

export type FlowPatternResult = { ok: true; pattern: FlowPattern } | { ok: false; message: string };

export interface FlowPatternProblem {
  /** `invalid`: no regular expression at all; `unsupported`: valid in JavaScript, but it needs backtracking (lookaround, backreferences). */
  reason: 'invalid' | 'unsupported';
  message: string;
}

export interface FlowPatternOptions {
  ignoreCase?: boolean;
}

// Rendered `matches` values can differ per user, so the cache is bounded.
const MAX_CACHED = 500;
const cache = new Map<string, FlowPatternResult>();

/** Compiles (once, then from the cache) a flow's pattern for the linear-time engine. */
export function compileFlowPattern(
  source: string,
  options: FlowPatternOptions = {},
): FlowPatternResult {
  const key = `${options.ignoreCase ? 'i' : '-'}${source}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = compile(source, options);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, result);
  }
  return result;
}

/** True when the pattern compiles and matches somewhere in the text; a broken pattern never matches. */
export function testFlowPattern(
  source: string,
  text: string,
  options: FlowPatternOptions = {},
): boolean {
  const compiled = compileFlowPattern(source, options);
  return compiled.ok && compiled.pattern.test(text);
}

/** A pattern that matches `text` literally, for building patterns out of user words. */
export function quoteForFlowPattern(text: string): string {
  return RE2JS.quote(text);
}

/** What is wrong with a pattern that does not compile, for the linter; undefined when it does. */
export function flowPatternProblem(source: string): FlowPatternProblem | undefined {
  const compiled = compileFlowPattern(source);
  if (compiled.ok) return undefined;
  const syntax = javaScriptSyntaxError(source);
  if (syntax !== undefined) return { reason: 'invalid', message: syntax };
  return { reason: 'unsupported', message: compiled.message };
}

function compile(source: string, options: FlowPatternOptions): FlowPatternResult {
  try {
    const re = RE2JS.compile(
      RE2JS.translateRegExp(source),
      options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0,
    );
    return { ok: true, pattern: { test: (text) => re.test(text) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.replace(/^error parsing regexp: /, '') };
  }
}

/** Only tells the linter's two findings apart (compiling a RegExp never runs it); the engine never calls it. */
function javaScriptSyntaxError(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
  }
}
