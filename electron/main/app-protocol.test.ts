import { describe, expect, it } from 'vitest';
import { resolveAppFile } from './app-protocol';
import { isAllowedRequest } from './security';

describe('app:// protocol', () => {
  const dir = '/opt/threadline/out/renderer';

  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://threadline/')).toBe(`${dir}/index.html`);
    expect(resolveAppFile(dir, 'app://threadline/assets/index.js')).toBe(`${dir}/assets/index.js`);
  });

  it('never serves a file outside the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://threadline/..%2F..%2Fmain%2Findex.js')).toBeNull();
    // The URL parser resolves dot segments itself: the result stays inside the folder.
    expect(resolveAppFile(dir, 'app://threadline/%2e%2e/secrets')).toBe(`${dir}/secrets`);
    expect(resolveAppFile(dir, 'app://elsewhere/index.html')).toBeNull();
  });
});

describe('network requests from the renderer', () => {
  it('allows our own origin and the dev server, and nothing remote', () => {
    expect(isAllowedRequest('app://threadline/assets/a.js', 'app://threadline')).toBe(true);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(
      true,
    );
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('https://example.com/x.png', 'app://threadline')).toBe(false);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});
