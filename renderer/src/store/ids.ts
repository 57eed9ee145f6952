// Fresh ids for nodes, edges and the ids inside nodes (buttons, replies, branches, variants).
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** A new id with the prefix that is not in `taken`. */
export function freshId(prefix: string, taken: { has(id: string): boolean } = new Set()): string {
  for (;;) {
    const id = `${prefix}-${randomSuffix(6)}`;
    if (!taken.has(id)) return id;
  }
}

export function keysOf(record: Readonly<Record<string, unknown>>): { has(id: string): boolean } {
  return { has: (id) => Object.hasOwn(record, id) };
}
