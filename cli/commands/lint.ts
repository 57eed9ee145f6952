// `threadline lint FLOW... [--json]` (docs/format.md §5): one line per finding,
// `FILE: NODE_ID: error|warning CODE: message`, or a JSON array; exit 1 on any error.
import { readFile } from 'node:fs/promises';
import {
  lintFlow,
  lintMessage,
  parseFlowDocument,
  renderLintText,
  type FlowDocument,
  type LintFinding,
  type LintText,
} from '../../flows';
import { defineCommand, parseCommandArgs } from '../args';
import { applyZodLanguage, cliLanguage, cliMessages } from '../i18n';

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
  applyZodLanguage();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const text: LintText =
      code === 'ENOENT'
        ? { key: 'invalid-document.notFound' }
        : code === 'EISDIR'
          ? { key: 'invalid-document.isFolder' }
          : { key: 'invalid-document.cannotRead', params: { reason: code ?? String(error) } };
    const message = renderLintText(text, 'en');
    return {
      ok: false,
      findings: [{ code: 'invalid-document', severity: 'error', message, text }],
    };
  }
  const loaded = parseFlowDocument(text);
  if (loaded.ok) return loaded;
  return {
    ok: false,
    findings: loaded.problems.map((p) => ({
      code: 'invalid-document',
      severity: 'error',
      message: p.message,
      ...(p.text ? { text: p.text } : {}),
      ...(p.nodeId !== undefined ? { nodeId: p.nodeId } : {}),
      ...(p.path ? { field: p.path } : {}),
    })),
  };
}

/** One finding a line; the message in the user's language (LANG), the rest as scripts read it. */
export function formatFinding(file: string, finding: LintFinding): string {
  const where = finding.nodeId ?? finding.field ?? '-';
  const message = lintMessage(finding, cliLanguage());
  return `${file}: ${where}: ${finding.severity} ${finding.code}: ${message}`;
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
    // As scripts know it: the English message, without the message keys.
    console.log(
      JSON.stringify(
        all.map(({ text: _text, ...f }) => f),
        null,
        2,
      ),
    );
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
