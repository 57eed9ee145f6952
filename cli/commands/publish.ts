// `threadline publish FLOW --to URL [--token T]` (docs/format.md §5): lint, compile, PUT the compiled flow
// to a runtime's admin API, and print the new revision or why it was refused. Exit 1 on failure.
import { compileFlow } from '../../flows/compile';
import { defineCommand, parseCommandArgs, usageError } from '../args';
import { formatFinding, loadFlowFile } from './lint';

export const spec = defineCommand({
  name: 'publish',
  summary: 'lint, compile and publish to a runtime',
  operand: { name: 'FLOW', help: 'the flow file to publish (*.flow.json)' },
  options: {
    to: {
      type: 'string',
      value: 'URL',
      required: true,
      help: "the runtime's address, http:// or https://",
    },
    token: {
      type: 'string',
      value: 'T',
      help: "the runtime's admin token (default: $THREADLINE_ADMIN_TOKEN)",
    },
  },
  notes: [
    'Prints the published revision and whether the Messenger profile was applied.\n' +
      'Exit 1 when the flow has lint errors, the runtime refuses it or cannot be reached.',
  ],
});

interface Problem {
  code?: string;
  place?: string;
  message?: string;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const file = parsed.operands[0]!;
  if (!/^https?:\/\//.test(parsed.options.to))
    return usageError(
      spec,
      `--to needs the runtime URL (http:// or https://), got "${parsed.options.to}"`,
    );
  const to = parsed.options.to.replace(/\/+$/, '');
  const token = parsed.options.token ?? process.env.THREADLINE_ADMIN_TOKEN;
  if (!token) return usageError(spec, 'no admin token: pass --token or set THREADLINE_ADMIN_TOKEN');
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
