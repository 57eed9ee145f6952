// `threadline broadcast FLOW_ID --to URL --node NODE [...]` (docs/format.md §5): sends a flow
// from a node to a segment of a runtime's subscribers, only to those whose window is open, or
// with --dry-run says how many that would be. --watch follows the progress until it ends.
import { defineCommand, parseCommandArgs, usageError } from '../args';
import { cliMessages } from '../i18n';
import { ADMIN_OPTIONS, adminRequest, adminTarget } from './admin-client';

export const spec = defineCommand({
  name: 'broadcast',
  summary: 'send a flow from a node to a segment of subscribers',
  operand: { name: 'FLOW_ID', help: 'the id of the flow that answers the Page' },
  options: {
    ...ADMIN_OPTIONS,
    node: { type: 'string', value: 'NODE', help: 'the node to start at (default: Get Started)' },
    tag: { type: 'string', value: 'TAG', help: 'only subscribers with this tag' },
    var: {
      type: 'string',
      value: 'NAME=VALUE',
      help: 'only subscribers whose variable has this value',
    },
    at: {
      type: 'string',
      value: 'TIME',
      help: 'when to send, ISO 8601 with offset (default: now)',
    },
    rate: { type: 'string', value: 'N', help: 'subscribers started a second (default 40)' },
    'dry-run': { type: 'boolean', help: 'only say how many it would reach; send nothing' },
    watch: { type: 'boolean', help: 'print the progress until the broadcast ends' },
  },
  notes: [
    'Only subscribers whose 24-hour window is open when their turn comes get the message;\n' +
      'no message tag is ever used. Exit 1 when the runtime refuses or cannot be reached.',
  ],
});

interface Progress {
  total: number | null;
  waiting: number;
  inProgress: number;
  sent: number;
  skipped: number;
  failed: number;
  skippedReasons: Record<string, number>;
  failedReasons: Record<string, number>;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const { options } = parsed;
  const chosen = adminTarget(options);
  if (!chosen.ok) return usageError(spec, chosen.problem);
  const target = chosen.admin;
  const segment: Record<string, unknown> = {};
  if (options.tag) segment.tags = [options.tag];
  if (options.var) {
    const at = options.var.indexOf('=');
    if (at < 1) return usageError(spec, `--var needs NAME=VALUE, got "${options.var}"`);
    segment.variables = [
      { name: options.var.slice(0, at), op: 'eq', value: options.var.slice(at + 1) },
    ];
  }
  let rate: number | undefined;
  if (options.rate !== undefined) {
    rate = Number(options.rate);
    if (!Number.isInteger(rate) || rate < 1 || rate > 250)
      return usageError(spec, `--rate takes a whole number from 1 to 250, not "${options.rate}"`);
  }
  if (options.at !== undefined && Number.isNaN(Date.parse(options.at)))
    return usageError(
      spec,
      `--at needs an ISO 8601 time like 2026-12-01T09:00:00+01:00, not "${options.at}"`,
    );
  const body = {
    flowId: parsed.operands[0]!,
    ...(options.node ? { node: options.node } : {}),
    segment,
    ...(options.at ? { sendAt: new Date(options.at).toISOString() } : {}),
    ...(rate !== undefined ? { ratePerSecond: rate } : {}),
    ...(options['dry-run'] ? { dryRun: true } : {}),
  };
  const answer = await adminRequest(target, '/api/broadcasts', {
    method: 'POST',
    body: JSON.stringify(body),
  });
  if (!answer.ok) {
    console.error(`threadline broadcast: ${answer.message}`);
    return 1;
  }
  const { text: say } = cliMessages();
  const b = answer.body;
  console.log(
    say('segmentSize', {
      size: String(b.size),
      reachable: String(b.reachableNow),
    }),
  );
  if (options['dry-run']) return 0;
  const id = String(b.id);
  console.log(say('broadcastCreated', { id, at: String(b.sendAt) }));
  if (!options.watch) return 0;
  for (;;) {
    const state = await adminRequest(target, `/api/broadcasts/${encodeURIComponent(id)}`);
    if (!state.ok) {
      console.error(`threadline broadcast: ${state.message}`);
      return 1;
    }
    const p = state.body.progress as Progress;
    console.log(progressLine(say, String(state.body.status), p));
    if (state.body.status === 'done' || state.body.status === 'cancelled') return 0;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function progressLine(
  say: ReturnType<typeof cliMessages>['text'],
  status: string,
  p: Progress,
): string {
  const reasons = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const line = say('broadcastProgress', {
    status,
    sent: String(p.sent),
    skipped: String(p.skipped),
    failed: String(p.failed),
    waiting: String(p.waiting + p.inProgress),
  });
  const why = [reasons(p.skippedReasons), reasons(p.failedReasons)].filter((x) => x).join('; ');
  return why ? `${line} (${why})` : line;
}
