// Upgrades flow documents saved by older Threadline versions (tldraw-style record migrations).
// Each migration lifts a raw document from `from` to `from + 1`; loading applies them in order
// and then validates the result against the current schema. Version 1 is the first public
// format, so the table is empty, but the path is exercised by tests with a fake migration.
// Stored sessions use the same runner with their own table (flows/engine/sessionMigrations.ts).
import { FLOW_VERSION } from './schema';
import { lintText, renderLintText, type LintText } from './lint/text';

export type RawDocument = Record<string, unknown>;

export interface Migration {
  /** The version this migration reads; it writes `from + 1`. */
  from: number;
  /** What changed, for the changelog and error messages. */
  description: string;
  migrate: (doc: RawDocument) => RawDocument;
}

export const MIGRATIONS: readonly Migration[] = [];

/** Why a record could not be brought to the current version. */
export type MigrationRefusal =
  | { reason: 'newer'; version: number; current: number }
  | { reason: 'no-step'; version: number; missing: number };

/**
 * Applies the steps from `version` up to `current` and stamps each result's `version`. Pure;
 * the callers word the refusal for their reader.
 */
export function runMigrations(
  record: RawDocument,
  version: number,
  migrations: readonly Migration[],
  current: number,
): { ok: true; record: RawDocument } | ({ ok: false } & MigrationRefusal) {
  if (version > current) return { ok: false, reason: 'newer', version, current };
  let result = record;
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, reason: 'no-step', version, missing: v };
    result = { ...step.migrate(result), version: v + 1 };
  }
  return { ok: true, record: result };
}

export type MigrationResult =
  | { ok: true; document: RawDocument; migratedFrom: number | undefined }
  | { ok: false; message: string; text: LintText };

/** Brings `doc` (already known to be an object with an integer `version`) to FLOW_VERSION. */
export function migrateDocument(
  doc: RawDocument,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = FLOW_VERSION,
): MigrationResult {
  const result = runMigrations(doc, version, migrations, current);
  if (result.ok)
    return {
      ok: true,
      document: result.record,
      migratedFrom: version < current ? version : undefined,
    };
  const text =
    result.reason === 'newer'
      ? lintText('invalid-document.versionNewer', { version, current })
      : lintText('invalid-document.versionOld', { version, missing: result.missing });
  return { ok: false, message: renderLintText(text, 'en'), text };
}
