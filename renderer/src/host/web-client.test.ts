// The browser-mode client over a stubbed fetch: what it sends and how failures come back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, HostError, type HostApi } from '../../../electron/host-api';
import { createWebClient, takeToken, TOKEN_STORAGE_KEY } from './web-client';

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => ({
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 403 ? 'Forbidden' : 'OK',
    json: async () => body,
  }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('browser-mode host client', () => {
  it('posts each call as JSON arguments to /api/<channel>, with the token header and no cookie', async () => {
    const fetchMock = stubFetch(200, { ok: true, value: null });
    await createWebClient('tok-1').documents.save('/x/shop.flow.json', '{}');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/documents.save');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'X-Threadline-Token': 'tok-1' },
    });
    expect(JSON.parse(String(init.body))).toEqual(['/x/shop.flow.json', '{}']);
  });

  it('leaves out an optional last argument that is undefined (JSON would send null)', async () => {
    const fetchMock = stubFetch(200, { ok: true, value: null });
    await createWebClient('tok-1').runtime.publish('shop', '{}', undefined);
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1].body))).toEqual(['shop', '{}']);
  });

  it('posts every host channel but the ones a browser does itself to its own URL', async () => {
    const fetchMock = stubFetch(200, { ok: true, value: null });
    const client = createWebClient('t');
    const local = [
      'documents.showOpen',
      'documents.showSaveAs',
      'window.setTitle',
      'window.setDirty',
    ];
    for (const channel of HOST_CHANNELS.filter((c) => !local.includes(c))) {
      const method = channel
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], client);
      await (method as (...args: unknown[]) => Promise<unknown>)('a');
      expect(fetchMock.mock.lastCall?.[0]).toBe(`/api/${channel}`);
      expect(JSON.parse(String(fetchMock.mock.lastCall?.[1].body))).toEqual(['a']);
    }
  });

  it('returns the value of a successful call', async () => {
    stubFetch(200, { ok: true, value: ['/a.flow.json'] });
    expect(await createWebClient('t').documents.recent()).toEqual(['/a.flow.json']);
  });

  it('rejects with a HostError carrying the code and place of a failed call', async () => {
    stubFetch(200, {
      ok: false,
      error: { code: 'cannot-read', place: '/a.flow.json', message: 'Cannot open /a.flow.json' },
    });
    const error = await createWebClient('t')
      .documents.open('/a.flow.json')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'cannot-read', place: '/a.flow.json' });
  });

  it('reports a refused request (no token) as a host error, not a crash', async () => {
    stubFetch(403, null);
    await expect(createWebClient(null).app.info()).rejects.toMatchObject({
      code: 'host-http',
      message: expect.stringContaining('open the URL with the token'),
    });
  });
});

function stubLocation(hash: string) {
  const storage = new Map<string, string>();
  const replaceState = vi.fn();
  vi.stubGlobal('window', {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
    },
  });
  return { storage, replaceState };
}

describe('the launch token', () => {
  it('moves the token from the URL fragment into this tab and out of the address bar', () => {
    const { storage, replaceState } = stubLocation('#token=abc_123');
    expect(takeToken()).toBe('abc_123');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc_123');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('keeps using the stored token after a reload, whose URL no longer has it', () => {
    const { storage, replaceState } = stubLocation('');
    storage.set(TOKEN_STORAGE_KEY, 'kept');
    expect(takeToken()).toBe('kept');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('has no token in a tab that was never given one', () => {
    stubLocation('');
    expect(takeToken()).toBeNull();
  });
});

describe('getHost', () => {
  it('uses the Electron bridge when the preload put one on window', async () => {
    const bridge = { app: {} } as HostApi;
    vi.stubGlobal('window', { threadline: bridge });
    const { getHost } = await import('./index');
    expect(getHost()).toBe(bridge);
  });

  it('falls back to the browser-mode client without a bridge', async () => {
    stubLocation('');
    const { getHost } = await import('./index');
    expect(typeof getHost().documents.open).toBe('function');
    expect(getHost()).toBe(getHost());
  });
});
