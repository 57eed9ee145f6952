// `threadline sandbox` (docs/format.md §5): starts the local Messenger sandbox, a Graph API stand-in that
// also plays users against a runtime. Uses the same THREADLINE_* variables as the runtime, with
// local defaults, and prints how to point a runtime at it and how to chat through it.
import { defineCommand, parseCommandArgs, usageError } from '../args';
import { cliMessages } from '../i18n';

export const spec = defineCommand({
  name: 'sandbox',
  summary: 'start the local Messenger sandbox',
  options: {
    port: { type: 'string', value: 'N', default: '8090', help: 'the port to listen on' },
    runtime: {
      type: 'string',
      value: 'URL',
      default: 'http://127.0.0.1:8080',
      help: 'the runtime whose webhook the sandbox calls',
    },
  },
  notes: [
    'THREADLINE_PAGE_ID, THREADLINE_PAGE_TOKEN and THREADLINE_APP_SECRET are used when set\n' +
      '(local defaults otherwise); the sandbox prints how to start a runtime against it.',
  ],
});

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const port = Number(parsed.options.port);
  const runtimeUrl = parsed.options.runtime;
  const { text } = cliMessages();
  if (!/^\d+$/.test(parsed.options.port) || port > 65535)
    return usageError(spec, text('badPort', { value: parsed.options.port }));
  if (!/^https?:\/\//.test(runtimeUrl))
    return usageError(spec, text('badRuntimeUrl', { value: runtimeUrl }));
  const { startSandbox } = await import('../../runtime/sandbox');
  const env = process.env;
  const secrets = {
    pageId: env.THREADLINE_PAGE_ID ?? 'sandbox-page',
    pageToken: env.THREADLINE_PAGE_TOKEN ?? 'sandbox-page-token',
    appSecret: env.THREADLINE_APP_SECRET ?? 'sandbox-app-secret',
  };
  const sandbox = await startSandbox({ ...secrets, port, runtimeUrl });
  const defaulted = ['PAGE_ID', 'PAGE_TOKEN', 'APP_SECRET'].filter((k) => !env[`THREADLINE_${k}`]);
  console.log(
    [
      text('sandboxStarted', { url: sandbox.url, runtime: runtimeUrl }),
      defaulted.length
        ? `${text('sandboxStartRuntime')}\n  THREADLINE_PAGE_ID=${secrets.pageId} THREADLINE_PAGE_TOKEN=${secrets.pageToken} THREADLINE_APP_SECRET=${secrets.appSecret} \\\n  THREADLINE_GRAPH_URL=${sandbox.url} THREADLINE_VERIFY_TOKEN=... THREADLINE_ADMIN_TOKEN=... threadline runtime`
        : text('sandboxStartRuntimeWith', { setting: `THREADLINE_GRAPH_URL=${sandbox.url}` }),
      text('sandboxChat'),
      `  curl -X PUT ${sandbox.url}/_sandbox/users/alice/profile -d '{"first_name":"Alice"}'`,
      `  curl -X POST ${sandbox.url}/_sandbox/users/alice -d '{"action":"get-started"}'`,
      `  curl -X POST ${sandbox.url}/_sandbox/users/alice -d '{"action":"text","text":"hello"}'`,
      `  curl ${sandbox.url}/_sandbox/users/alice/messages`,
      text('sandboxFailure', {
        command: `curl -X POST ${sandbox.url}/_sandbox/failures -d '{"failure":"rate-limit","times":3}'`,
      }),
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await sandbox.close();
  return 0;
}
