// The flows "New flow" offers: an empty flow and the examples shipped in flows/examples. Each is
// parsed through the document schema, so a template can never load as a broken flow.
import leadCapture from '../../../flows/examples/lead-capture.flow.json';
import shop from '../../../flows/examples/shop.flow.json';
import support from '../../../flows/examples/support.flow.json';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows';
import { emptyFlowDocument } from '../store/designerDocument';

export const TEMPLATE_KEYS = ['empty', 'welcome', 'lead-capture', 'shop', 'support'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const EXAMPLES: Record<Exclude<TemplateKey, 'empty'>, unknown> = {
  welcome,
  'lead-capture': leadCapture,
  shop,
  support,
};

/** A fresh copy of the template's document (the empty one in the current language). */
export function templateDocument(key: TemplateKey): FlowDocument {
  if (key === 'empty') return emptyFlowDocument();
  // parse() copies, so edits to the new flow never touch the shared template.
  return FlowDocument.parse(EXAMPLES[key]);
}
