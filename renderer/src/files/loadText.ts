import { parseFlowDocument } from '../../../flows';
import { lintMessageNow } from '../i18n/lint';
import type { DesignerStore } from '../store/designerStore';
import { fileName } from './fileName';

/**
 * Parses file text and loads it into the store. Returns the problems (one line each, with the
 * place), or null when it loaded. A broken file changes nothing.
 */
export function loadText(store: DesignerStore, path: string | null, text: string): string[] | null {
  const result = parseFlowDocument(text, path ? fileName(path) : undefined);
  if (!result.ok)
    return result.problems.map((p) =>
      p.path ? `${p.path}: ${lintMessageNow(p)}` : lintMessageNow(p),
    );
  store.getState().load(result.document, path);
  return null;
}
