// Reads a flow document (docs/format.md §1) from text: JSON syntax, then format and version (with
// migrations from older versions), then the zod schema. Every failure is a list of problems with
// a place and a plain-words message, never an exception.
import { FlowDocument, FLOW_FORMAT, FLOW_VERSION } from './schema';
import { issuesToProblems, type LoadProblem } from './load-issues';
import { lintText, renderLintText, type LintText } from './lint/text';
import { locateJsonError } from './load-json-error';
import { migrateDocument, MIGRATIONS, type Migration } from './migrations';

export type { LoadProblem } from './load-issues';

export type LoadResult =
  | { ok: true; document: FlowDocument; migratedFrom?: number }
  | { ok: false; problems: LoadProblem[] };

export interface LoadOptions {
  /** Replaces the migration table (tests). */
  migrations?: readonly Migration[];
}

/** Parses and validates the text of a `*.flow.json` file. `file` only prefixes messages. */
export function parseFlowDocument(
  text: string,
  file?: string,
  options: LoadOptions = {},
): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    return fail(
      '',
      file,
      lintText('invalid-document.jsonAt', { line: at.line, column: at.column, problem: at.text }),
    );
  }
  return validateFlowDocument(raw, file, options);
}

/** Validates an already parsed value as a flow document (also used for documents from IPC). */
export function validateFlowDocument(
  raw: unknown,
  file?: string,
  options: LoadOptions = {},
): LoadResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail('', file, lintText('invalid-document.notDocument'));
  const record = raw as Record<string, unknown>;
  if (record['format'] !== FLOW_FORMAT)
    return fail(
      'format',
      file,
      lintText('invalid-document.notThreadline', { format: FLOW_FORMAT }),
    );
  const version = record['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return fail(
      'version',
      file,
      lintText('invalid-document.badVersion', { current: FLOW_VERSION }),
    );

  const migrated = migrateDocument(record, version, options.migrations ?? MIGRATIONS);
  if (!migrated.ok) return fail('version', file, migrated.text);

  const parsed = FlowDocument.safeParse(migrated.document);
  if (!parsed.success)
    return { ok: false, problems: issuesToProblems(parsed.error.issues, migrated.document) };
  return migrated.migratedFrom === undefined
    ? { ok: true, document: parsed.data }
    : { ok: true, document: parsed.data, migratedFrom: migrated.migratedFrom };
}

/** A whole-file problem, worded by the catalogue (English `message` and `text` agree). */
function fail(path: string, file: string | undefined, problem: LintText): LoadResult {
  const text = file ? lintText('invalid-document.inFile', { file, problem }) : problem;
  return { ok: false, problems: [{ path, message: renderLintText(text, 'en'), text }] };
}
