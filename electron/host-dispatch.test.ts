import { describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchHostCall, serviceHandlers } from './host-dispatch';
import { createHostServices } from './services';
import { createPlainFileSecretStore } from './services/secrets';
import { ServiceError } from './services/service-error';

describe('host call dispatch', () => {
  it('calls the handler with arguments that match the channel schema', async () => {
    const open = vi.fn(async (path: string) => ({ path, text: 'T' }));
    const result = await dispatchHostCall({ 'documents.open': open }, 'documents.open', [
      '/a.flow.json',
    ]);
    expect(result).toEqual({ ok: true, value: { path: '/a.flow.json', text: 'T' } });
    expect(open).toHaveBeenCalledWith('/a.flow.json');
  });

  it('refuses arguments of the wrong type before any handler runs, naming the argument', async () => {
    const save = vi.fn(async () => undefined);
    const result = await dispatchHostCall({ 'documents.save': save }, 'documents.save', ['/a', 3]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments', place: 'documents.save' },
    });
    expect(result.ok || result.error.message).toContain('[1]');
    expect(save).not.toHaveBeenCalled();
  });

  it('passes a revision read only with a flow id and a 64-digit revision hash', async () => {
    const read = vi.fn(async () => null);
    const handlers = { 'runtime.revision': read };
    const rev = 'a'.repeat(64);
    expect(await dispatchHostCall(handlers, 'runtime.revision', ['shop', rev])).toEqual({
      ok: true,
      value: null,
    });
    for (const args of [['shop', '../stats'], ['Shop!', rev], ['shop']])
      expect(await dispatchHostCall(handlers, 'runtime.revision', args)).toMatchObject({
        ok: false,
        error: { code: 'bad-arguments', place: 'runtime.revision' },
      });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('refuses extra arguments', async () => {
    const info = vi.fn(async () => ({}));
    const result = await dispatchHostCall({ 'app.info': info }, 'app.info', ['extra']);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses channels that are not part of the host API, including inherited names', async () => {
    expect(await dispatchHostCall({}, 'shell.openExternal', [])).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await dispatchHostCall({}, 'constructor', [])).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('turns a service failure into an error value with code, place and message', async () => {
    const open = async () => {
      throw new ServiceError('cannot-read', '/x.flow.json', 'Cannot open /x.flow.json');
    };
    expect(
      await dispatchHostCall({ 'documents.open': open }, 'documents.open', ['/x.flow.json']),
    ).toEqual({
      ok: false,
      error: { code: 'cannot-read', place: '/x.flow.json', message: 'Cannot open /x.flow.json' },
    });
  });

  it('validates nested request objects such as the simulator HTTP request', async () => {
    const http = vi.fn(async () => ({ status: 200, headers: {}, body: '' }));
    const bad = await dispatchHostCall({ http }, 'http', [
      { method: 'GET', url: 'x', timeoutMs: 5 },
    ]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    const tooLong = await dispatchHostCall({ http }, 'http', [
      { method: 'GET', url: 'https://example.com', timeoutMs: 120_000 },
    ]);
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(http).not.toHaveBeenCalled();
  });

  it('stores the language setting, reports it in app.info and refuses unknown languages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threadline-lang-'));
    try {
      const services = createHostServices({
        userDataDir: dir,
        secrets: createPlainFileSecretStore(join(dir, 'secrets.json')),
        mode: 'web',
      });
      const handlers = serviceHandlers(services);
      expect(await dispatchHostCall(handlers, 'app.info', [])).toMatchObject({
        value: { language: 'system', locale: null },
      });
      expect(await dispatchHostCall(handlers, 'settings.setLanguage', ['de'])).toEqual({
        ok: true,
        value: null,
      });
      expect(await dispatchHostCall(handlers, 'app.info', [])).toMatchObject({
        value: { language: 'de' },
      });
      expect(await dispatchHostCall(handlers, 'settings.setLanguage', ['fr'])).toMatchObject({
        ok: false,
        error: { code: 'bad-arguments' },
      });
      expect((await services.settings.get()).language).toBe('de');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
