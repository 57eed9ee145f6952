// `threadline chat FLOW [--name FIRST_NAME] [--locale LOCALE] [--record SCENARIO]` (docs/format.md
// §5): talk to a flow in the terminal. It starts with Get Started; a number picks a choice; Enter
// skips a delay or hands a handed-over thread back; /comment [post:ID] TEXT comments on a post of
// the Page (comment triggers); /restart starts over; /quit (or end of input) leaves.
import { createInterface } from 'node:readline';
import { dirname, relative } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import {
  ChatSimulator,
  compileFlow,
  missingSecretsMessage,
  resolveSecrets,
  scenarioFromTurns,
  type CompiledFlow,
  type EngineEvent,
  type HttpAnswerLike,
  type HttpRequestAction,
  type SimulatorTurn,
} from '../../flows';
import { secretsFromEnv } from '../../runtime/config';
import { writeFileAtomic } from '../../electron/services/atomic-write';
import { defineCommand, parseCommandArgs } from '../args';
import { cliMessages } from '../i18n';
import { formatDuration, renderActions, type Choice } from './chat-render';
import { formatFinding, loadFlowFile } from './lint';

export const spec = defineCommand({
  name: 'chat',
  summary: 'chat with a flow in the terminal',
  operand: { name: 'FLOW', help: 'the flow file to chat with (*.flow.json)' },
  options: {
    name: {
      type: 'string',
      value: 'FIRST_NAME',
      help: "the user's first name, as the flow sees it",
    },
    locale: {
      type: 'string',
      value: 'LOCALE',
      help: "the user's profile locale, like de_DE: answers (numbers, dates, phones) are read in it",
    },
    record: {
      type: 'string',
      value: 'SCENARIO',
      help: 'on leaving, save the chat as a scenario file that `threadline test` replays',
    },
  },
  notes: [
    'The chat starts with Get Started. Type a message, or a number to pick a numbered choice.\n' +
      'Enter skips a delay or hands a handed-over chat back; /comment [post:ID] TEXT comments on a\n' +
      'post of the Page (post-1 by default); /restart starts over; /help lists these; /quit leaves.',
  ],
});

export interface ChatOptions {
  firstName?: string;
  /** The user's profile locale ("de_DE"). */
  locale?: string;
  http?: (request: HttpRequestAction) => Promise<HttpAnswerLike>;
}

/** Runs a chat over the given streams until /quit or the end of input; returns the turns. */
export async function chat(
  flow: CompiledFlow,
  input: Readable,
  output: Writable,
  options: ChatOptions = {},
): Promise<SimulatorTurn[]> {
  const sim = new ChatSimulator(flow, {
    ...(options.firstName || options.locale
      ? {
          user: {
            ...(options.firstName ? { first_name: options.firstName } : {}),
            ...(options.locale ? { locale: options.locale } : {}),
          },
        }
      : {}),
    http: options.http ?? fetchAnswer,
  });
  const say = (line: string) => output.write(`${line}\n`);
  const { text } = cliMessages();
  let choices: Choice[] = [];
  const show = (turns: SimulatorTurn[]) => {
    const rendered = renderActions(turns.flatMap((t) => t.actions));
    for (const line of rendered.lines) say(line);
    // Only the newest messages' choices count, as Messenger drops quick replies once answered.
    if (rendered.fromBot) choices = rendered.choices;
    const delay = sim.pendingDelay();
    if (delay) say(text('chatWaits', { duration: formatDuration((delay.dueAt - sim.now) / 1000) }));
    else if (sim.isHandedOver()) say(text('chatHandedOver'));
  };
  say(text('chatWelcome', { name: flow.name }));
  show(await sim.send({ type: 'get_started' }));
  const lines = createInterface({ input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit') break;
    if (line === '/help') {
      say(text('chatHelp'));
      continue;
    }
    if (line === '/restart') {
      sim.restart();
      choices = [];
      show(await sim.send({ type: 'get_started' }));
      continue;
    }
    if (line === '') {
      if (sim.pendingDelay()) show(await sim.skipDelay());
      else if (sim.isHandedOver()) show(await sim.send({ type: 'handover_returned' }));
      continue;
    }
    show(await sim.send(eventFor(line, choices)));
  }
  lines.close();
  return sim.turns;
}

let chatComments = 0;

function eventFor(line: string, choices: Choice[]): EngineEvent {
  const comment = /^\/comment\s+(?:post:(\S+)\s+)?(.+)$/.exec(line);
  if (comment) {
    const postId = comment[1] ?? 'post-1';
    return {
      type: 'comment',
      commentId: `${postId}_chat${++chatComments}`,
      postId,
      text: comment[2]!,
    };
  }
  const picked = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
  return picked ? picked.event : { type: 'text', text: line };
}

/** Real HTTP, with `{{secret.NAME}}` filled in from THREADLINE_SECRET_NAME as the runtime does. */
export async function fetchAnswer(
  action: HttpRequestAction,
  env: Record<string, string | undefined> = process.env,
): Promise<HttpAnswerLike> {
  const secrets = secretsFromEnv(env);
  const resolved = resolveSecrets(action, (name) => secrets[name]);
  if (!resolved.ok) return { error: missingSecretsMessage(resolved.missing, 'env') };
  const request = resolved.request;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const file = parsed.operands[0]!;
  const { name: firstName, locale, record } = parsed.options;
  const loaded = await loadFlowFile(file);
  if (!loaded.ok) {
    for (const f of loaded.findings) console.error(formatFinding(file, f));
    return 1;
  }
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok) {
    for (const f of compiled.findings) console.error(formatFinding(file, f));
    return 1;
  }
  const turns = await chat(compiled.compiled, process.stdin, process.stdout, {
    ...(firstName ? { firstName } : {}),
    ...(locale ? { locale } : {}),
  });
  if (record) {
    const scenario = scenarioFromTurns(turns, {
      flow: relative(dirname(record), file).split('\\').join('/'),
      name: `recorded chat with ${compiled.compiled.name}`,
      ...(firstName || locale
        ? {
            user: {
              ...(firstName ? { first_name: firstName } : {}),
              ...(locale ? { locale } : {}),
            },
          }
        : {}),
    });
    // A recording starts with the Get Started the chat sent for the user.
    try {
      await writeFileAtomic(record, `${JSON.stringify(scenario, null, 2)}\n`);
    } catch (error) {
      console.error(
        cliMessages().text('cannotWrite', {
          command: 'chat',
          file: record,
          reason: (error as Error).message,
        }),
      );
      return 1;
    }
    console.error(cliMessages().text('recorded', { file: record }));
  }
  return 0;
}
