// Runs axe-core (the accessibility checker) on the page and fails on any violation of impact
// serious or critical, listing each with its rule, impact, target selectors and a snippet.
//
// The app's CSP allows no inline or injected <script> (script-src 'self' with nonces in browser
// mode), so axe is not added as a script tag: its source is evaluated through the DevTools
// protocol (page.evaluate), which the page's policy does not govern. The app's CSP stays as is.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions, ElementContext } from 'axe-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

function axeSource(): Promise<string> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

const BLOCKING = new Set(['serious', 'critical']);

export interface AxeOptions {
  /** CSS selector of the part of the page to check; the whole document by default. */
  include?: string;
}

/** Violations of impact serious or critical on the page as it is now. */
export async function seriousViolations(page: Page, options: AxeOptions = {}): Promise<Result[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(await axeSource());
  const results = await page.evaluate(
    async ({ include }) => {
      const axe = (
        window as unknown as {
          axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };
        }
      ).axe;
      return (await axe.run(include ? { include: [include] } : document, {
        resultTypes: ['violations'],
      })) as AxeResults;
    },
    { include: options.include },
  );
  return results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
}

/** Elements listed per rule; THREADLINE_AXE_ALL=1 lists them all. */
const SHOWN = process.env.THREADLINE_AXE_ALL ? Infinity : 5;

/** A readable list of violations: one block per rule, one line per element (at most SHOWN). */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, SHOWN).map((n) => {
        const why = n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '';
        return `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${why.slice(0, 200)}`;
      });
      const more = v.nodes.length > SHOWN ? [`    … and ${v.nodes.length - SHOWN} more`] : [];
      return [`  ${v.id} (${v.impact}): ${v.help}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/** Throws listing every serious or critical violation on the page, naming the screen checked. */
export async function expectNoSeriousViolations(
  page: Page,
  screen: string,
  options: AxeOptions = {},
): Promise<void> {
  const violations = await seriousViolations(page, options);
  if (violations.length > 0) {
    throw new Error(
      `${violations.length} serious or critical accessibility violation(s) on ${screen}:\n` +
        formatViolations(violations),
    );
  }
}
