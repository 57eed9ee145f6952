// Finds where a JSON text first goes wrong, as line and column, with a plain-words reason.
// JSON.parse only sometimes says where ("Unexpected token" has no position), so on failure we
// scan the text once more with this small validator; it never runs for valid files.

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Fail {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

export function locateJsonError(text: string): JsonSyntaxError {
  const scanner = new Scanner(text);
  let offset = text.length;
  let message = 'the file is not valid JSON';
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length) throw new Fail(scanner.pos, 'unexpected text after the end');
  } catch (error) {
    if (!(error instanceof Fail)) throw error;
    offset = error.offset;
    message = error.message;
  }
  return { ...lineAndColumn(text, offset), message };
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
    if (ch === undefined) throw new Fail(this.pos, 'the file ends where a value was expected');
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
    throw new Fail(
      this.pos,
      `expected a value (text in "quotes", a number, true, false, null, { or [) but found ${show(ch)}`,
    );
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
          `expected a field name in "double quotes" but found ${this.found()}`,
        );
      this.string();
      this.skipSpace();
      this.expect(':', 'after the field name');
      this.skipSpace();
      this.value();
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === '}') {
        this.pos++;
        return;
      }
      if (ch !== ',') throw new Fail(this.pos, `expected "," or "}" but found ${this.found()}`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === '}')
        throw new Fail(this.pos, 'a comma before "}" is not allowed in JSON');
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
      if (ch !== ',') throw new Fail(this.pos, `expected "," or "]" but found ${this.found()}`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === ']')
        throw new Fail(this.pos, 'a comma before "]" is not allowed in JSON');
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
        throw new Fail(this.pos, 'invalid escape sequence in text');
      }
      if (ch < ' ')
        throw new Fail(this.pos, 'a line break or control character inside text must be escaped');
      this.pos++;
    }
    throw new Fail(start, 'text that starts here is never closed with a "');
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match) throw new Fail(this.pos, 'invalid number');
    this.pos += match[0].length;
  }

  private expect(ch: string, where: string): void {
    if (this.text[this.pos] !== ch)
      throw new Fail(this.pos, `expected "${ch}" ${where} but found ${this.found()}`);
    this.pos++;
  }

  private found(): string {
    return show(this.text[this.pos]);
  }
}

function show(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'the end of the line';
  return JSON.stringify(ch);
}
