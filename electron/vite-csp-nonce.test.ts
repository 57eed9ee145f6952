import { describe, expect, it } from 'vitest';
import { addNonce } from './vite-csp-nonce';

const page = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'" />
<script type="module">import "/@react-refresh"</script>
<script type="module" src="/src/main.tsx"></script>`;

describe('CSP nonce for development pages', () => {
  it('allows exactly the inline scripts, by nonce, and leaves script-src otherwise closed', () => {
    const html = addNonce(page, 'abc');
    expect(html).toContain(`script-src 'self' 'nonce-abc';`);
    expect(html).toContain('<script nonce="abc" type="module">import');
    expect(html).toContain('<script type="module" src="/src/main.tsx">');
    expect(html).not.toContain('unsafe-inline');
  });
});
