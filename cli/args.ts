// How every `threadline` command reads its arguments. A command declares its operand and options
// once (a `CommandSpec`); that declaration drives node:util's parseArgs and writes the command's
// usage line and --help text, so the help can never disagree with what is accepted.
import { parseArgs } from 'node:util';
import { cliMessages, helpWords } from './i18n';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the usage line and help, e.g. FILE (string options). */
  value?: string;
  /** Left out, the command stops with "missing --NAME VALUE". */
  required?: boolean;
  /** The value when the option is not given (shown in the help). */
  default?: string;
  /** May be given several times (string options): the values come as a list, [] when none. */
  multiple?: boolean;
  help: string;
}

export interface OperandSpec {
  /** As written in the usage line: FLOW, PATH. */
  name: string;
  /** One or more (FLOW...) rather than exactly one. */
  many?: boolean;
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  /** One line for `threadline --help`. */
  summary: string;
  operand?: OperandSpec;
  options: O;
  /** Paragraphs printed after the options: environment variables, what the command prints. */
  notes?: string[];
}

export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['multiple'] extends true
      ? string[]
      : O[K]['required'] extends true
        ? string
        : O[K]['default'] extends string
          ? string
          : string | undefined;
};

export type ParsedArgs<O extends Record<string, OptionSpec>> =
  | { ok: true; operands: string[]; options: OptionValues<O> }
  /** Help was printed (exit 0) or an error was (exit 2): return `exitCode`. */
  | { ok: false; exitCode: number };

/** Declares a command; keeps the literal option types so the parsed values are typed. */
export function defineCommand<const O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
): CommandSpec<O> {
  return spec;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'print this help and exit' };

function optionUsage(name: string, option: OptionSpec): string {
  const flag = option.short ? `-${option.short}` : `--${name}`;
  const text = option.type === 'string' ? `${flag} ${option.value ?? 'VALUE'}` : flag;
  return (option.required ? text : `[${text}]`) + (option.multiple ? '...' : '');
}

/** "threadline compile FLOW [-o OUT]" */
export function usageLine(spec: CommandSpec): string {
  const operand = spec.operand ? [`${spec.operand.name}${spec.operand.many ? '...' : ''}`] : [];
  const options = Object.entries(spec.options).map(([name, o]) => optionUsage(name, o));
  return ['threadline', spec.name, ...operand, ...options].join(' ');
}

/** The help of an option in the user's language (`help` is the --help option's own). */
export function optionHelp(spec: CommandSpec, name: string, option: OptionSpec): string {
  return helpWords()(option === HELP ? 'help' : `${spec.name}.${name}`, option.help);
}

/** The help of the operand in the user's language. */
export function operandHelp(spec: CommandSpec, operand: OperandSpec): string {
  return helpWords()(`${spec.name}.operand`, operand.help);
}

/** The one-line summary in the user's language, for `threadline --help`. */
export function summaryText(spec: CommandSpec): string {
  return helpWords()(`${spec.name}.summary`, spec.summary);
}

/** The text `threadline NAME --help` prints, in the user's language (docs/i18n.md). */
export function helpText(spec: CommandSpec): string {
  const say = helpWords();
  const rows: [string, string][] = [];
  if (spec.operand)
    rows.push([
      `${spec.operand.name}${spec.operand.many ? '...' : ''}`,
      operandHelp(spec, spec.operand),
    ]);
  for (const [name, o] of Object.entries({ ...spec.options, help: HELP })) {
    const flags = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const help = optionHelp(spec, name, o);
    rows.push([
      flags,
      o.default !== undefined ? `${help} (${say('default', 'default')} ${o.default})` : help,
    ]);
  }
  const width = Math.max(...rows.map(([left]) => left.length));
  const summary = summaryText(spec);
  return [
    `${say('usage', 'Usage:')} ${usageLine(spec)}`,
    '',
    `${summary[0]!.toUpperCase()}${summary.slice(1)}.`,
    '',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    ...(spec.notes ?? []).flatMap((note, i) => ['', say(`${spec.name}.note${i + 1}`, note)]),
  ].join('\n');
}

/** Prints `threadline NAME: MESSAGE` and the usage line to stderr; returns exit code 2. */
export function usageError(spec: CommandSpec, message: string): number {
  const usage = cliMessages().text('usageLine', { usage: usageLine(spec), command: spec.name });
  console.error(`threadline ${spec.name}: ${message}\n${usage}`);
  return 2;
}

/**
 * Parses `args` against the spec. --help / -h print the help (exit 0); an unknown option, an
 * option without its value, a missing required option or operand are named on stderr (exit 2).
 */
export function parseCommandArgs<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  args: string[],
): ParsedArgs<O> {
  const declared: Record<string, OptionSpec> = { ...spec.options, help: HELP };
  const config = Object.fromEntries(
    Object.entries(declared).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.short ? { short: o.short } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
        ...(o.multiple ? { multiple: true } : {}),
      },
    ]),
  );
  // Not strict: the tokens let us word the errors ourselves and name the option as typed.
  const { values, positionals, tokens } = parseArgs({
    args,
    options: config,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const { text, count } = cliMessages();
  const fail = (message: string) => ({ ok: false as const, exitCode: usageError(spec, message) });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    console.log(helpText(spec));
    return { ok: false, exitCode: 0 };
  }
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(declared, token.name) ? declared[token.name] : undefined;
    if (!option) return fail(text('unknownOption', { option: token.rawName }));
    const named = `${token.rawName} ${option.value ?? 'VALUE'}`;
    if (option.type === 'boolean' && token.value !== undefined)
      return fail(text('takesNoValue', { option: token.rawName, value: token.value }));
    if (option.type === 'string') {
      // "-o --json" is a forgotten value, not a file named --json (--out=--json says that).
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
        return fail(text('needsValue', { option: token.rawName, named }));
      if (token.value === '') return fail(text('needsNonEmptyValue', { option: token.rawName }));
    }
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && values[name] === undefined)
      return fail(
        text('missingOption', {
          name,
          value: option.value ?? 'VALUE',
          help: optionHelp(spec, name, option),
        }),
      );
  }
  const operand = spec.operand;
  if (!operand && positionals.length > 0)
    return fail(count('takesNoArguments', positionals.length, { given: positionals.join(' ') }));
  if (operand && positionals.length === 0)
    return fail(
      text('missingOperand', { operand: operand.name, help: operandHelp(spec, operand) }),
    );
  if (operand && !operand.many && positionals.length > 1)
    return fail(
      text('takesOneOperand', {
        operand: operand.name,
        count: positionals.length,
        given: positionals.join(' '),
      }),
    );
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      o.type === 'boolean'
        ? values[name] === true
        : o.multiple
          ? (values[name] ?? [])
          : values[name],
    ]),
  ) as OptionValues<O>;
  return { ok: true, operands: positionals, options };
}
