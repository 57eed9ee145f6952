// `threadline revisions FLOW_ID --to URL [--token T]` (docs/format.md §5): the revisions a runtime
// keeps of a flow, newest first, as a table: revision, when it was published, node count, active.
import { defineCommand, parseCommandArgs, usageError } from '../args';
import { cliLanguage, cliMessages } from '../i18n';
import { ADMIN_OPTIONS, adminRequest, adminTarget, shortRevision } from './admin-client';

export const spec = defineCommand({
  name: 'revisions',
  summary: "list a flow's revisions on a runtime",
  operand: { name: 'FLOW_ID', help: 'the flow id (the "id" of its flow document)' },
  options: ADMIN_OPTIONS,
  notes: [
    'Prints one line per revision, newest first. Exit 1 when the runtime has no such flow,\n' +
      'refuses the token or cannot be reached.',
  ],
});

export interface RevisionRow {
  revision: string;
  createdAt: number;
  nodeCount: number;
  active: boolean;
}

/** When a revision was published, in the CLI's language and the local time zone. */
export function formatWhen(ms: number): string {
  const locale = cliLanguage() === 'de' ? 'de-DE' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The runtime's revisions of a flow, or the message saying why there are none. */
export async function fetchRevisions(
  admin: Parameters<typeof adminRequest>[0],
  flowId: string,
): Promise<{ ok: true; revisions: RevisionRow[] } | { ok: false; message: string }> {
  const answer = await adminRequest(admin, `/api/flows/${encodeURIComponent(flowId)}/revisions`);
  if (!answer.ok)
    return {
      ok: false,
      message:
        answer.status === 404
          ? cliMessages().text('noRevisions', { flowId, to: admin.to })
          : answer.message,
    };
  return { ok: true, revisions: (answer.body.revisions ?? []) as RevisionRow[] };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const target = adminTarget(parsed.options);
  if (!target.ok) return usageError(spec, target.problem);
  const flowId = parsed.operands[0]!;
  const listed = await fetchRevisions(target.admin, flowId);
  if (!listed.ok) {
    console.error(`threadline revisions: ${listed.message}`);
    return 1;
  }
  const say = cliMessages().text;
  const rows = [
    [say('colRevision'), say('colWhen'), say('colNodes'), say('colActive')],
    ...listed.revisions.map((r) => [
      shortRevision(r.revision),
      formatWhen(r.createdAt),
      String(r.nodeCount),
      r.active ? say('activeMark') : '',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  return 0;
}
