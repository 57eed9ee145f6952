// Upgrades sessions stored by an older runtime, as flows/migrations.ts does for documents: each
// step lifts a raw session from `from` to `from + 1`, then the result must parse as today's
// Session. Version 1 is the first session format, so the table is empty; tests run the path with
// a fake step. A session from a newer runtime (after a rollback) is refused, never guessed at.
import { runMigrations, type Migration, type RawDocument } from '../migrations';
import { Session, SESSION_VERSION } from './session';

export type SessionMigration = Migration;

export const SESSION_MIGRATIONS: readonly SessionMigration[] = [];

export type SessionMigrationResult =
  { ok: true; session: Session; migratedFrom: number | undefined } | { ok: false; reason: string };

/** Reads a stored session of any known version; `reason` says why one cannot be read. */
export function migrateSession(
  raw: unknown,
  migrations: readonly SessionMigration[] = SESSION_MIGRATIONS,
  current: number = SESSION_VERSION,
): SessionMigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, reason: `the stored session is ${describe(raw)}, not an object` };
  const record = raw as RawDocument;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { ok: false, reason: 'the stored session has no integer "version"' };
  const migrated = runMigrations(record, version, migrations, current);
  if (!migrated.ok)
    return {
      ok: false,
      reason:
        migrated.reason === 'newer'
          ? `session version ${version} was written by a newer runtime; this one reads up to ${current}`
          : `no migration from session version ${migrated.missing}`,
    };
  const parsed = Session.safeParse(migrated.record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? issue.path.join('.') : 'the session';
    return { ok: false, reason: `${at}: ${issue.message}` };
  }
  return { ok: true, session: parsed.data, migratedFrom: version < current ? version : undefined };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
