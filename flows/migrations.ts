// Upgrades flow documents saved by older Threadline versions (tldraw-style record migrations).
// Each migration lifts a raw document from `from` to `from + 1`; loading applies them in order
// and then validates the result against the current schema. Version 1 is the first public
// format, so the table is empty, but the path is exercised by tests with a fake migration.
import { FLOW_VERSION } from './schema';

export type RawDocument = Record<string, unknown>;

export interface Migration {
  /** The version this migration reads; it writes `from + 1`. */
  from: number;
  /** What changed, for the changelog and error messages. */
  description: string;
  migrate: (doc: RawDocument) => RawDocument;
}

export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; document: RawDocument; migratedFrom: number | undefined }
  | { ok: false; message: string };

/** Brings `doc` (already known to be an object with an integer `version`) to FLOW_VERSION. */
export function migrateDocument(
  doc: RawDocument,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = FLOW_VERSION,
): MigrationResult {
  if (version > current) {
    return {
      ok: false,
      message: `made by a newer Threadline (format version ${version}); this version reads up to ${current}. Update Threadline to open it.`,
    };
  }
  let result = doc;
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return {
        ok: false,
        message: `made by an old Threadline (format version ${version}) that this version cannot upgrade (no migration from version ${v})`,
      };
    }
    result = { ...step.migrate(result), version: v + 1 };
  }
  return { ok: true, document: result, migratedFrom: version < current ? version : undefined };
}
