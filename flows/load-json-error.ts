// Finds where a JSON text first goes wrong, as line and column, with a plain-words reason.
// JSON.parse only sometimes says where ("Unexpected token" has no position), so on failure we
// scan the text once more with this small validator; it never runs for valid files. The reason
// is a message key of flows/lint/text (`invalid-document.json*`), so it reads in German too.
import { lintText, renderLintText, type LintParam, type LintText } from './lint/text';

export interface JsonSyntaxError {
  line: number;
  column: number;
  /** English, e.g. `expected "," or "}" but found "x"`. */
  message: string;
  /** The reason's key and values, for other languages. */
  text: LintText;
}

class Fail {
  constructor(
    readonly offset: number,
    readonly text: LintText,
  ) {}
}

export function locateJsonError(text: string): JsonSyntaxError {
  const scanner = new Scanner(text);
  let offset = text.length;
  let reason = lintText('invalid-document.jsonInvalid');
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length)
      throw new Fail(scanner.pos, lintText('invalid-document.jsonTextAfterEnd'));
  } catch (error) {
    if (!(error instanceof Fail)) throw error;
    offset = error.offset;
    reason = error.text;
  }
  return { ...lineAndColumn(text, offset), message: renderLintText(reason, 'en'), text: reason };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  value(): void {
    const ch = this.text[this.pos];
    if (ch === undefined) throw new Fail(this.pos, lintText('invalid-document.jsonEndsEarly'));
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    throw new Fail(this.pos, lintText('invalid-document.jsonExpectedValue', { found: show(ch) }));
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"')
        throw new Fail(
          this.pos,
          lintText('invalid-document.jsonExpectedFieldName', { found: this.found() }),
        );
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':')
        throw new Fail(
          this.pos,
          lintText('invalid-document.jsonExpectedColon', { found: this.found() }),
        );
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === '}') {
        this.pos++;
        return;
      }
      if (ch !== ',')
        throw new Fail(
          this.pos,
          lintText('invalid-document.jsonExpectedCommaOrBrace', { found: this.found() }),
        );
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === '}')
        throw new Fail(this.pos, lintText('invalid-document.jsonCommaBeforeBrace'));
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === ']') {
        this.pos++;
        return;
      }
      if (ch !== ',')
        throw new Fail(
          this.pos,
          lintText('invalid-document.jsonExpectedCommaOrBracket', { found: this.found() }),
        );
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === ']')
        throw new Fail(this.pos, lintText('invalid-document.jsonCommaBeforeBracket'));
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
          this.pos += 6;
          continue;
        }
        if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          this.pos += 2;
          continue;
        }
        throw new Fail(this.pos, lintText('invalid-document.jsonBadEscape'));
      }
      if (ch < ' ') throw new Fail(this.pos, lintText('invalid-document.jsonControlChar'));
      this.pos++;
    }
    throw new Fail(start, lintText('invalid-document.jsonUnclosedText'));
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match) throw new Fail(this.pos, lintText('invalid-document.jsonBadNumber'));
    this.pos += match[0].length;
  }

  private found(): LintParam {
    return show(this.text[this.pos]);
  }
}

function show(ch: string | undefined): LintParam {
  if (ch === undefined) return lintText('parts.endOfFile');
  if (ch === '\n' || ch === '\r') return lintText('parts.endOfLine');
  return JSON.stringify(ch);
}
