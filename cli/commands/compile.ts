// `threadline compile FLOW [-o OUT]` (FORMAT §5): writes the compiled flow to OUT (atomically:
// a temporary file renamed into place, so a reader never sees half a file) or to stdout.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { compileFlow } from '../../flows';
import { formatFinding, loadFlowFile } from './lint';

const USAGE = 'Usage: threadline compile FLOW [-o OUT]';

export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    console.error(`threadline compile: ${parsed}\n${USAGE}`);
    return 2;
  }
  const { file, out } = parsed;
  const loaded = await loadFlowFile(file);
  if (!loaded.ok) {
    for (const finding of loaded.findings) console.error(formatFinding(file, finding));
    return 1;
  }
  const result = compileFlow(loaded.document);
  if (!result.ok) {
    for (const finding of result.findings) console.error(formatFinding(file, finding));
    console.error(`${file}: not compiled: fix the errors above first`);
    return 1;
  }
  for (const warning of result.warnings) console.error(formatFinding(file, warning));
  if (out === undefined) {
    process.stdout.write(result.json);
    return 0;
  }
  try {
    await writeAtomically(out, result.json);
  } catch (error) {
    console.error(`threadline compile: cannot write ${out}: ${(error as Error).message}`);
    return 1;
  }
  console.error(`${file}: compiled to ${out} (revision ${result.compiled.revision.slice(0, 12)})`);
  return 0;
}

function parseArgs(args: string[]): { file: string; out: string | undefined } | string {
  let file: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '--out') {
      out = args[++i];
      if (out === undefined) return `${arg} needs a file name`;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return 'compiles one flow at a time';
  }
  return file === undefined ? 'which flow?' : { file, out };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
