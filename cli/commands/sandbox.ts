// `threadline sandbox` (FORMAT §5): starts the local Messenger sandbox, a Graph API stand-in that
// also plays users against a runtime. Uses the same THREADLINE_* variables as the runtime, with
// local defaults, and prints how to point a runtime at it and how to chat through it.
import { startSandbox } from '../../runtime/sandbox';

const USAGE = 'Usage: threadline sandbox [--port N] [--runtime URL]';

export async function run(args: string[]): Promise<number> {
  let port = 8090;
  let runtimeUrl = 'http://127.0.0.1:8080';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--port') port = Number(args[++i]);
    else if (arg === '--runtime') runtimeUrl = args[++i] ?? '';
    else if (arg === '--help') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`threadline sandbox: unknown option ${arg}\n${USAGE}`);
      return 2;
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^https?:\/\//.test(runtimeUrl)) {
    console.error(`threadline sandbox: --port needs a port number and --runtime a URL\n${USAGE}`);
    return 2;
  }
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
      `threadline sandbox: Graph API stand-in on ${sandbox.url}, playing users against ${runtimeUrl}`,
      defaulted.length
        ? `Start the runtime with the same settings:\n  THREADLINE_PAGE_ID=${secrets.pageId} THREADLINE_PAGE_TOKEN=${secrets.pageToken} THREADLINE_APP_SECRET=${secrets.appSecret} \\\n  THREADLINE_GRAPH_URL=${sandbox.url} THREADLINE_VERIFY_TOKEN=... THREADLINE_ADMIN_TOKEN=... threadline runtime`
        : `Start the runtime with THREADLINE_GRAPH_URL=${sandbox.url}`,
      'Chat as a user:',
      `  curl -X PUT ${sandbox.url}/_sandbox/users/alice/profile -d '{"first_name":"Alice"}'`,
      `  curl -X POST ${sandbox.url}/_sandbox/users/alice -d '{"action":"get-started"}'`,
      `  curl -X POST ${sandbox.url}/_sandbox/users/alice -d '{"action":"text","text":"hello"}'`,
      `  curl ${sandbox.url}/_sandbox/users/alice/messages`,
      `Inject a failure: curl -X POST ${sandbox.url}/_sandbox/failures -d '{"failure":"rate-limit","times":3}'`,
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await sandbox.close();
  return 0;
}
