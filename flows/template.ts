// Text templates (FORMAT §1): `{{name}}` inserts a variable, `{{name|fallback}}` a fallback when
// the variable is unset or empty. Shared by the linter (which variables a text reads) and the
// engine (rendering), so both read templates the same way.

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;

export interface TemplatePart {
  variable: string;
  fallback: string | undefined;
  /** Offset of the `{{` in the text. */
  index: number;
}

/** Every placeholder in a template, in order. */
export function templateParts(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push({ variable: match[1] ?? '', fallback: match[2], index: match.index ?? 0 });
  }
  return parts;
}

/** The names of the variables a template reads. */
export function templateVariables(text: string): string[] {
  return [...new Set(templateParts(text).map((p) => p.variable))];
}

export type TemplateValue = string | number | boolean | null | undefined;

/** Renders a template; a missing value without a fallback renders as an empty string. */
export function renderTemplate(text: string, lookup: (name: string) => TemplateValue): string {
  return text.replace(PLACEHOLDER, (_all, name: string, fallback: string | undefined) => {
    const value = lookup(name);
    if (value === undefined || value === null || value === '') return fallback ?? '';
    return String(value);
  });
}
