// Postback and quick-reply payloads (docs/format.md §2): they name a node and a button or reply id, never
// a list position, so a button tapped in an old message still finds its edge after republishing.
// Ids are [A-Za-z0-9_-], so ':' can separate the parts without escaping.

export const PAYLOAD_PREFIX = 'TL1' as const;

export type Payload =
  | { kind: 'get_started' }
  | { kind: 'button'; node: string; button: string }
  | { kind: 'reply'; node: string; reply: string }
  /** A suggestion of an `input` node: the tap counts as the user typing its title. */
  | { kind: 'suggestion'; node: string }
  | { kind: 'menu'; target: string }
  | { kind: 'ice'; target: string };

export function encodePayload(payload: Payload): string {
  switch (payload.kind) {
    case 'get_started':
      return `${PAYLOAD_PREFIX}:get_started`;
    case 'button':
      return `${PAYLOAD_PREFIX}:b:${payload.node}:${payload.button}`;
    case 'reply':
      return `${PAYLOAD_PREFIX}:r:${payload.node}:${payload.reply}`;
    case 'suggestion':
      return `${PAYLOAD_PREFIX}:s:${payload.node}`;
    case 'menu':
      return `${PAYLOAD_PREFIX}:menu:${payload.target}`;
    case 'ice':
      return `${PAYLOAD_PREFIX}:ice:${payload.target}`;
  }
}

const ID = '[A-Za-z0-9_-]{1,64}';
const PATTERN = new RegExp(
  `^${PAYLOAD_PREFIX}:(?:(get_started)|(b|r):(${ID}):(${ID})|(s|menu|ice):(${ID}))$`,
);

/** The payload's meaning, or null for a payload that Threadline did not write. */
export function decodePayload(text: string): Payload | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  if (m[1]) return { kind: 'get_started' };
  if (m[2] === 'b') return { kind: 'button', node: m[3]!, button: m[4]! };
  if (m[2] === 'r') return { kind: 'reply', node: m[3]!, reply: m[4]! };
  if (m[5] === 's') return { kind: 'suggestion', node: m[6]! };
  if (m[5] === 'menu') return { kind: 'menu', target: m[6]! };
  return { kind: 'ice', target: m[6]! };
}
