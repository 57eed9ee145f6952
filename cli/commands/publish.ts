// `threadline publish FLOW --to URL [--token T]` (FORMAT §5): lint, compile, PUT the compiled flow
// to a runtime's admin API, and print the new revision or why it was refused. Exit 1 on failure.
import { compileFlow } from '../../flows/compile';
import { formatFinding, loadFlowFile } from './lint';

const USAGE =
  'Usage: threadline publish FLOW --to URL [--token T]   (token also from THREADLINE_ADMIN_TOKEN)';

interface PublishArgs {
  file: string;
  to: string;
  token: string;
}

function parseArgs(args: string[], env: NodeJS.ProcessEnv): PublishArgs | string {
  let file: string | undefined;
  let to: string | undefined;
  let token = env.THREADLINE_ADMIN_TOKEN;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--to') to = args[++i];
    else if (arg === '--token') token = args[++i];
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return 'publishes one flow at a time';
  }
  if (!file) return 'which flow?';
  if (!to || !/^https?:\/\//.test(to)) return '--to needs the runtime URL (http:// or https://)';
  if (!token) return 'no admin token: pass --token or set THREADLINE_ADMIN_TOKEN';
  return { file, to: to.replace(/\/+$/, ''), token };
}

interface Problem {
  code?: string;
  place?: string;
  message?: string;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, process.env);
  if (typeof parsed === 'string') {
    console.error(`threadline publish: ${parsed}\n${USAGE}`);
    return parsed.startsWith('unknown') || parsed === 'which flow?' ? 2 : 1;
  }
  const { file, to, token } = parsed;
  const loaded = await loadFlowFile(file);
  if (!loaded.ok) {
    for (const finding of loaded.findings) console.error(formatFinding(file, finding));
    return 1;
  }
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok) {
    for (const finding of compiled.findings) console.error(formatFinding(file, finding));
    console.error(`${file}: not published: fix the errors above first`);
    return 1;
  }
  for (const warning of compiled.warnings) console.error(formatFinding(file, warning));
  const url = `${to}/api/flows/${encodeURIComponent(compiled.compiled.flowId)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: compiled.json,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    console.error(`threadline publish: cannot reach ${to}: ${(error as Error).message}`);
    return 1;
  }
  const body = (await response.json().catch(() => ({}))) as {
    revision?: string;
    problems?: Problem[];
    message?: string;
    profile?: { applied: boolean; reason?: string; message?: string };
  };
  if (response.status === 401) {
    console.error(`threadline publish: ${to} refused the admin token (401)`);
    return 1;
  }
  if (!response.ok) {
    console.error(`threadline publish: ${to} refused ${file} (${response.status})`);
    for (const p of body.problems ?? [])
      console.error(`  ${p.place ?? '-'}: ${p.code ?? 'error'}: ${p.message ?? ''}`);
    if (body.message) console.error(`  ${body.message}`);
    return 1;
  }
  const profile = body.profile?.applied
    ? 'Messenger profile applied'
    : body.profile?.reason === 'refused'
      ? `Messenger profile refused: ${body.profile.message ?? ''}`
      : 'Messenger profile unchanged';
  console.log(
    `${file}: published ${compiled.compiled.flowId} revision ${body.revision ?? compiled.compiled.revision} to ${to} (${profile})`,
  );
  return body.profile?.reason === 'refused' ? 1 : 0;
}
