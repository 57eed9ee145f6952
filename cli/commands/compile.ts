// `threadline compile FLOW [-o OUT]` (docs/format.md §5): writes the compiled flow to OUT (atomically,
// with the project's one atomic write, so a reader never sees half a file) or to stdout.
import { writeFileAtomic } from '../../electron/services/atomic-write';
import { compileFlow } from '../../flows';
import { defineCommand, parseCommandArgs } from '../args';
import { cliMessages } from '../i18n';
import { formatFinding, loadFlowFile } from './lint';

export const spec = defineCommand({
  name: 'compile',
  summary: 'write the compiled flow',
  operand: { name: 'FLOW', help: 'the flow file to compile (*.flow.json)' },
  options: {
    out: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      help: 'write the compiled flow to OUT (replaced whole) instead of stdout',
    },
  },
  notes: [
    'The output is deterministic: the same flow always compiles to the same bytes.\n' +
      'Exit 1 when the flow has lint errors; nothing is written then.',
  ],
});

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const file = parsed.operands[0]!;
  const { out } = parsed.options;
  const loaded = await loadFlowFile(file);
  if (!loaded.ok) {
    for (const finding of loaded.findings) console.error(formatFinding(file, finding));
    return 1;
  }
  const result = compileFlow(loaded.document);
  if (!result.ok) {
    for (const finding of result.findings) console.error(formatFinding(file, finding));
    console.error(cliMessages().text('notCompiled', { file }));
    return 1;
  }
  for (const warning of result.warnings) console.error(formatFinding(file, warning));
  if (out === undefined) {
    process.stdout.write(result.json);
    return 0;
  }
  try {
    await writeFileAtomic(out, result.json);
  } catch (error) {
    console.error(
      cliMessages().text('cannotWrite', {
        command: 'compile',
        file: out,
        reason: (error as Error).message,
      }),
    );
    return 1;
  }
  console.error(
    cliMessages().text('compiledTo', {
      file,
      out,
      revision: result.compiled.revision.slice(0, 12),
    }),
  );
  return 0;
}
