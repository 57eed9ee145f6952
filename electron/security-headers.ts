// The headers every page and file of Threadline's renderer goes out with, in both hosts: the
// app:// protocol of the desktop app and browser mode's loopback server.
//
// `frame-ancestors` only counts in a Content-Security-Policy *header* (browsers ignore it in a
// <meta> tag), so the header is what stops another site from framing the designer.

/** The renderer's full policy, the same as the <meta> tag in renderer/index.html. */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Browser mode serves the renderer through Vite, whose development pages need a per-page nonce for
 * their inline scripts (vite-csp-nonce.ts puts it into the <meta> policy). Two policies are both
 * enforced, so the header carries only what the <meta> cannot (frame-ancestors) and what never
 * needs a nonce; the <meta> tag carries the rest.
 */
export const DEV_HEADER_CSP =
  "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Other sites may not even load our scripts: no-cors embeds from elsewhere are refused.
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
