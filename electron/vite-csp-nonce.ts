// In development, Vite and @vitejs/plugin-react put small inline scripts into index.html (the
// React Refresh preamble). The renderer's CSP allows no inline script, rightly; rather than
// weaken it, this plugin gives each served page a fresh nonce and allows exactly those scripts.
// Production builds have no inline scripts and are left alone.
import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';

export function cspNoncePlugin(): Plugin {
  return {
    name: 'threadline:csp-nonce',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return addNonce(html, randomBytes(16).toString('base64'));
      },
    },
  };
}

export function addNonce(html: string, nonce: string): string {
  return html
    .replace(/<script(?![^>]*\ssrc=)(?![^>]*\snonce=)/g, `<script nonce="${nonce}"`)
    .replace(
      /(http-equiv="Content-Security-Policy"\s+content="[^"]*script-src 'self')/,
      `$1 'nonce-${nonce}'`,
    );
}
