import { describe, expect, it } from 'vitest';
import { newSession, SESSION_VERSION } from './session';
import { migrateSession, SESSION_MIGRATIONS, type SessionMigration } from './sessionMigrations';

const today = { ...newSession('rev-1', { id: 'psid-1' }), variables: { name: 'Anna' } };

// A made-up older format: version 0 kept the variables under `vars`.
const fromZero: SessionMigration = {
  from: 0,
  description: 'vars became variables',
  migrate: ({ vars, ...rest }) => ({ ...rest, variables: vars }),
};

describe('migrateSession', () => {
  it('reads a session of the current version as it is', () => {
    expect(migrateSession(today)).toEqual({ ok: true, session: today, migratedFrom: undefined });
  });

  it('upgrades an older session step by step, keeping its variables', () => {
    const { variables, ...rest } = today;
    const old = { ...rest, version: 0, vars: variables };
    const result = migrateSession(old, [fromZero], SESSION_VERSION);
    expect(result).toEqual({ ok: true, session: today, migratedFrom: 0 });
    expect(old.version).toBe(0); // the input is not touched
  });

  it('refuses a session written by a newer runtime, with the reason', () => {
    const result = migrateSession({ ...today, version: SESSION_VERSION + 1 });
    expect(result).toEqual({
      ok: false,
      reason: `session version ${SESSION_VERSION + 1} was written by a newer runtime; this one reads up to ${SESSION_VERSION}`,
    });
  });

  it('refuses an old version it has no step for', () => {
    expect(migrateSession({ ...today, version: 0 }, [], SESSION_VERSION)).toEqual({
      ok: false,
      reason: 'no migration from session version 0',
    });
  });

  it('names what is wrong in a session that does not parse', () => {
    expect(migrateSession(null)).toEqual({
      ok: false,
      reason: 'the stored session is null, not an object',
    });
    expect(migrateSession('x')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('a string'),
    });
    expect(migrateSession({ ...today, version: undefined })).toEqual({
      ok: false,
      reason: 'the stored session has no integer "version"',
    });
    const broken = migrateSession({ ...today, variables: { name: ['Anna'] } });
    expect(broken).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^variables\.name: /),
    });
  });

  it('has a step for every version below the current one', () => {
    const from = SESSION_MIGRATIONS.map((m) => m.from).sort((a, b) => a - b);
    expect(from).toEqual(Array.from({ length: SESSION_VERSION - 1 }, (_, i) => i + 1));
  });
});
