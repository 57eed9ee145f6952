// `threadline lint FLOW... [--json]` (docs/format.md §5): one line per finding,
// `FILE: NODE_ID: error|warning CODE: message`, or a JSON array; exit 1 on any error.
import { readFile } from 'node:fs/promises';
import { lintFlow, parseFlowDocument, type FlowDocument, type LintFinding } from '../../flows';
import { defineCommand, parseCommandArgs } from '../args';
import { cliMessages } from '../i18n';

export const spec = defineCommand({
  name: 'lint',
  summary: 'check flows against Messenger limits',
  operand: { name: 'FLOW', many: true, help: 'the flow files to check (*.flow.json)' },
  options: {
    json: { type: 'boolean', help: 'print the findings as a JSON array instead of lines' },
  },
  notes: [
    'Prints FILE: NODE_ID: error|warning CODE: message per finding and a count on stderr.\n' +
      'Exit 1 when any finding is an error, 0 when there are only warnings.',
  ],
});

export interface FileFindings {
  file: string;
  findings: LintFinding[];
}

export type LoadedFlow =
  { ok: true; document: FlowDocument } | { ok: false; findings: LintFinding[] };

/** Reads and validates a flow file; problems come back as `invalid-document` findings. */
export async function loadFlowFile(file: string): Promise<LoadedFlow> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const { text: say } = cliMessages();
    const message =
      code === 'ENOENT'
        ? say('fileNotFound')
        : code === 'EISDIR'
          ? say('isFolder')
          : say('cannotRead', { reason: code ?? String(error) });
    return { ok: false, findings: [{ code: 'invalid-document', severity: 'error', message }] };
  }
  const loaded = parseFlowDocument(text);
  if (loaded.ok) return loaded;
  return {
    ok: false,
    findings: loaded.problems.map((p) => ({
      code: 'invalid-document',
      severity: 'error',
      message: p.message,
      ...(p.nodeId !== undefined ? { nodeId: p.nodeId } : {}),
      ...(p.path ? { field: p.path } : {}),
    })),
  };
}

export function formatFinding(file: string, finding: LintFinding): string {
  const where = finding.nodeId ?? finding.field ?? '-';
  return `${file}: ${where}: ${finding.severity} ${finding.code}: ${finding.message}`;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const { operands: files, options } = parsed;
  const json = options.json;
  const results: FileFindings[] = [];
  for (const file of files) {
    const loaded = await loadFlowFile(file);
    results.push({ file, findings: loaded.ok ? lintFlow(loaded.document) : loaded.findings });
  }
  const all = results.flatMap((r) => r.findings.map((f) => ({ file: r.file, ...f })));
  const errors = all.filter((f) => f.severity === 'error').length;
  if (json) {
    console.log(JSON.stringify(all, null, 2));
  } else {
    for (const finding of all) console.log(formatFinding(finding.file, finding));
    const { text: say, count } = cliMessages();
    console.error(
      say('lintSummary', {
        errors: count('errors', errors),
        warnings: count('warnings', all.length - errors),
        files: count('files', files.length),
      }),
    );
  }
  return errors > 0 ? 1 : 0;
}
