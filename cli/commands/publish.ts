// `threadline publish FLOW --to URL [--token T] [--move OLD=NEW]...` (docs/format.md §5): lint,
// compile, compare with the runtime's active revision (the semantic diff, and the users waiting at
// nodes this publish removes or changes), PUT the compiled flow to the runtime's admin API with the
// chosen moves, and print the new revision or why it was refused. Exit 1 on failure.
import { diffFlows, strandedWaits } from '../../flows/diff';
import { compileFlow } from '../../flows/compile';
import type { CompiledFlow } from '../../flows/schema';
import { defineCommand, parseCommandArgs, usageError } from '../args';
import { cliMessages } from '../i18n';
import {
  ADMIN_OPTIONS,
  adminRequest,
  adminTarget,
  shortRevision,
  type Admin,
} from './admin-client';
import { diffLines, strandedLines, type NodeNames } from './diff-text';
import { nodeDisplayNames } from '../../flows';
import { formatFinding, loadFlowFile } from './lint';
import { profileText } from './rollback';

export const spec = defineCommand({
  name: 'publish',
  summary: 'lint, compile and publish to a runtime',
  operand: { name: 'FLOW', help: 'the flow file to publish (*.flow.json)' },
  options: {
    ...ADMIN_OPTIONS,
    move: {
      type: 'string',
      value: 'OLD=NEW',
      multiple: true,
      help: 'users waiting at node OLD wait at NEW from now on (OLD=end: their wait ends); repeatable',
    },
  },
  notes: [
    'Prints what changes against the active revision and how many users wait at nodes it\n' +
      'removes or changes, then the published revision and whether the Messenger profile was\n' +
      'applied. Exit 1 when the flow has lint errors, the runtime refuses it or cannot be reached.',
  ],
});

interface Problem {
  code?: string;
  place?: string;
  message?: string;
}

/** `--move OLD=NEW` / `--move OLD=end` as the runtime's moves, or the malformed value. */
export function parseMoves(
  values: string[],
): { ok: true; moves: Record<string, string | null> } | { ok: false; value: string } {
  const moves: Record<string, string | null> = {};
  for (const value of values) {
    const m = /^([A-Za-z0-9_-]{1,64})=([A-Za-z0-9_-]{1,64})$/.exec(value);
    if (!m) return { ok: false, value };
    moves[m[1]!] = m[2] === 'end' ? null : m[2]!;
  }
  return { ok: true, moves };
}

/** Prints the diff against the active revision and the stranded waits; false: cannot reach. */
async function compare(
  admin: Admin,
  compiled: CompiledFlow,
  moves: Record<string, string | null>,
  names: NodeNames,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const { text: say, count } = cliMessages();
  const path = `/api/flows/${encodeURIComponent(compiled.flowId)}`;
  const active = await adminRequest(admin, path);
  if (!active.ok && active.status === 404) {
    console.log(
      say('firstPublish', {
        flowId: compiled.flowId,
        nodes: count('nodes', compiled.steps.length),
      }),
    );
    return { ok: true };
  }
  if (!active.ok) return { ok: false, message: active.message };
  const revision = String(active.body.revision);
  const previous = active.body.flow as CompiledFlow | undefined;
  if (revision === compiled.revision) {
    console.log(say('sameRevision', { revision: shortRevision(revision) }));
    return { ok: true };
  }
  if (!previous) {
    console.log(say('noActiveContent', { revision: shortRevision(revision) }));
    return { ok: true };
  }
  const diff = diffFlows(previous, compiled);
  console.log(say('changesSince', { revision: shortRevision(revision) }));
  for (const line of diffLines(diff, names)) console.log(`  ${line}`);
  const waiting = await adminRequest(admin, `${path}/waiting`);
  // An older runtime without the route: the diff is still worth showing.
  if (!waiting.ok)
    return waiting.status === null ? { ok: false, message: waiting.message } : { ok: true };
  const lines = strandedLines(
    strandedWaits(diff, previous),
    (waiting.body.nodes ?? {}) as Record<string, number>,
    moves,
    names,
  );
  if (lines.length > 0) {
    console.log(say('strandedTitle'));
    for (const line of lines) console.log(`  ${line}`);
  }
  return { ok: true };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const file = parsed.operands[0]!;
  const say = cliMessages().text;
  const target = adminTarget(parsed.options);
  if (!target.ok) return usageError(spec, target.problem);
  const { admin } = target;
  const moves = parseMoves(parsed.options.move);
  if (!moves.ok) return usageError(spec, say('badMove', { value: moves.value }));
  const loaded = await loadFlowFile(file);
  if (!loaded.ok) {
    for (const finding of loaded.findings) console.error(formatFinding(file, finding));
    return 1;
  }
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok) {
    for (const finding of compiled.findings) console.error(formatFinding(file, finding));
    console.error(say('notPublishedLint', { file }));
    return 1;
  }
  for (const warning of compiled.warnings) console.error(formatFinding(file, warning));
  const flow = compiled.compiled;
  // The compiled flow keeps ids only; the lines name nodes from the document being published.
  const names = nodeDisplayNames(loaded.document.nodes);
  const compared = await compare(admin, flow, moves.moves, names);
  if (!compared.ok) {
    console.error(`threadline publish: ${compared.message}`);
    return 1;
  }
  const withMoves = Object.keys(moves.moves).length > 0;
  const answer = await adminRequest(admin, `/api/flows/${encodeURIComponent(flow.flowId)}`, {
    method: 'PUT',
    // A bare compiled flow unless moves were chosen, so older runtimes still take it.
    body: withMoves ? JSON.stringify({ compiled: flow, moves: moves.moves }) : compiled.json,
  });
  if (!answer.ok) {
    if (answer.status === null || answer.status === 401) {
      console.error(`threadline publish: ${answer.message}`);
      return 1;
    }
    const body = answer.body as { problems?: Problem[]; message?: string };
    console.error(
      `threadline publish: ${say('refusedFile', { to: admin.to, file, status: String(answer.status) })}`,
    );
    for (const p of body.problems ?? [])
      console.error(`  ${p.place ?? '-'}: ${p.code ?? 'error'}: ${p.message ?? ''}`);
    if (body.message) console.error(`  ${body.message}`);
    return 1;
  }
  const body = answer.body as {
    revision?: string;
    sessions?: { moved: number; ended: number };
    profile?: { applied: boolean; reason?: string; message?: string };
  };
  console.log(
    say('published', {
      file,
      flowId: flow.flowId,
      revision: body.revision ?? flow.revision,
      to: admin.to,
      profile: profileText(body.profile),
    }),
  );
  if (body.sessions && body.sessions.moved + body.sessions.ended > 0)
    console.log(
      say('sessionsMoved', {
        moved: String(body.sessions.moved),
        ended: String(body.sessions.ended),
      }),
    );
  return body.profile?.reason === 'refused' ? 1 : 0;
}
