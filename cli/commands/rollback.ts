// `threadline rollback FLOW_ID [--revision REV] --to URL [--token T]` (docs/format.md §5): makes an
// earlier revision of a flow active again on a runtime; without --revision, the one before the
// active one. REV may be the start of a revision hash as `threadline revisions` shows it.
import { defineCommand, parseCommandArgs, usageError } from '../args';
import { cliMessages } from '../i18n';
import { ADMIN_OPTIONS, adminRequest, adminTarget, shortRevision } from './admin-client';
import { fetchRevisions, formatWhen } from './revisions';

export const spec = defineCommand({
  name: 'rollback',
  summary: 'make an earlier revision of a flow active again',
  operand: { name: 'FLOW_ID', help: 'the flow id (the "id" of its flow document)' },
  options: {
    revision: {
      type: 'string',
      value: 'REV',
      help: 'the revision to activate, or the start of its hash (default: the one before the active one)',
    },
    ...ADMIN_OPTIONS,
  },
  notes: [
    'Prints the revision now active. Exit 1 when there is no such revision (or none before the\n' +
      'active one), the runtime refuses the token or cannot be reached.',
  ],
});

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const target = adminTarget(parsed.options);
  if (!target.ok) return usageError(spec, target.problem);
  const { admin } = target;
  const flowId = parsed.operands[0]!;
  const say = cliMessages().text;
  const fail = (message: string) => {
    console.error(`threadline rollback: ${message}`);
    return 1;
  };
  let revision = parsed.options.revision?.toLowerCase();
  if (revision !== undefined && !/^[a-f0-9]{64}$/.test(revision)) {
    // The start of a hash, as the revisions table shows it.
    const listed = await fetchRevisions(admin, flowId);
    if (!listed.ok) return fail(listed.message);
    const matches = listed.revisions.filter((r) => r.revision.startsWith(revision!));
    if (matches.length === 0) return fail(say('revisionNotFound', { flowId, revision }));
    if (matches.length > 1)
      return fail(
        say('revisionAmbiguous', {
          flowId,
          revision,
          matches: matches.map((r) => shortRevision(r.revision)).join(', '),
        }),
      );
    revision = matches[0]!.revision;
  }
  const answer = await adminRequest(admin, `/api/flows/${encodeURIComponent(flowId)}/rollback`, {
    method: 'POST',
    body: JSON.stringify(revision ? { revision } : {}),
  });
  if (!answer.ok) return fail(answer.message);
  const body = answer.body as {
    revision: string;
    createdAt: number;
    profile?: { applied: boolean; reason?: string; message?: string };
  };
  console.log(
    say('rolledBack', {
      flowId,
      revision: shortRevision(body.revision),
      when: formatWhen(body.createdAt),
      profile: profileText(body.profile),
    }),
  );
  return body.profile?.reason === 'refused' ? 1 : 0;
}

/** What happened to the Messenger profile, as publish and rollback print it. */
export function profileText(
  profile: { applied: boolean; reason?: string; message?: string } | undefined,
): string {
  const say = cliMessages().text;
  if (profile?.applied) return say('profileApplied');
  if (profile?.reason === 'refused')
    return say('profileRefused', { message: profile.message ?? '' });
  return say('profileUnchanged');
}
