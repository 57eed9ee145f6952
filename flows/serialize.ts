// Writes a flow document the way docs/format.md §1 asks: keys in the schema's fixed order (zod rebuilds
// objects in shape order), 2-space indent, newline at the end, so saved files diff well in git.
import { FlowDocument } from './schema';

export function serializeFlowDocument(doc: FlowDocument): string {
  const parsed = FlowDocument.safeParse(doc);
  // An invalid document is still saved as it is: losing the user's work would be worse.
  return `${JSON.stringify(parsed.success ? parsed.data : doc, null, 2)}\n`;
}
