// What the Messenger Profile API refuses (docs/messenger.md §4): greeting and ice breakers need a
// `default` locale, the persistent menu needs get_started, domains and the account linking URL
// must be https, and each list has its limit.
import { MESSENGER_LIMITS as L } from '../../flows';
import { badParam, type SandboxError } from './errors';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const PROPERTIES = [
  'get_started',
  'greeting',
  'ice_breakers',
  'persistent_menu',
  'whitelisted_domains',
  'account_linking_url',
];

const isHttps = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

export function validateProfile(body: Obj, current: Obj): SandboxError | undefined {
  const keys = Object.keys(body).filter((k) => k !== 'access_token');
  if (keys.length === 0) return badParam('Requires one of the params: ' + PROPERTIES.join(', '));
  const unknown = keys.find((k) => !PROPERTIES.includes(k));
  if (unknown) return badParam(`Param ${unknown} is not a valid Messenger Profile property`);
  if (body.get_started !== undefined) {
    const payload = obj(body.get_started)?.payload;
    if (typeof payload !== 'string' || payload.length === 0 || payload.length > L.payloadLength)
      return badParam(`param get_started[payload] must be 1 to ${L.payloadLength} characters`);
  }
  if (body.greeting !== undefined) {
    const greeting = Array.isArray(body.greeting) ? body.greeting.map((g) => obj(g) ?? {}) : null;
    if (!greeting || !greeting.some((g) => g.locale === 'default'))
      return badParam('param greeting must include the default locale');
    if (greeting.some((g) => typeof g.text !== 'string' || [...g.text].length > L.greetingLength))
      return badParam(`param greeting[text] must be at most ${L.greetingLength} characters`);
  }
  if (body.ice_breakers !== undefined) {
    const problem = validateIceBreakers(body.ice_breakers);
    if (problem) return problem;
  }
  if (body.whitelisted_domains !== undefined) {
    const domains = body.whitelisted_domains;
    if (!Array.isArray(domains) || domains.length > L.whitelistedDomains)
      return badParam(
        `param whitelisted_domains must be an array of at most ${L.whitelistedDomains} domains`,
      );
    const bad = domains.findIndex((d) => !isHttps(d));
    if (bad >= 0) return badParam(`param whitelisted_domains[${bad}] must be an https:// URL`);
  }
  if (body.account_linking_url !== undefined && !isHttps(body.account_linking_url))
    return badParam('param account_linking_url must be an https:// URL');
  if (body.persistent_menu !== undefined) {
    if (body.get_started === undefined && current.get_started === undefined)
      return badParam('param persistent_menu requires get_started to be set');
    const menus = Array.isArray(body.persistent_menu)
      ? body.persistent_menu.map((m) => obj(m) ?? {})
      : null;
    if (!menus || !menus.some((m) => m.locale === 'default'))
      return badParam('param persistent_menu must include the default locale');
    for (const menu of menus) {
      const items = Array.isArray(menu.call_to_actions)
        ? menu.call_to_actions.map((c) => obj(c) ?? {})
        : [];
      if (items.length > L.persistentMenuItems)
        return badParam(
          `param persistent_menu[call_to_actions] must have at most ${L.persistentMenuItems} elements`,
        );
      for (const item of items) {
        if (item.type !== 'postback' && item.type !== 'web_url')
          return badParam(
            'param persistent_menu[call_to_actions][type] must be postback or web_url',
          );
        if (typeof item.title !== 'string' || [...item.title].length > L.buttonTitleLength)
          return badParam(
            `param persistent_menu[call_to_actions][title] must be at most ${L.buttonTitleLength} characters`,
          );
      }
    }
  }
  return undefined;
}

function validateIceBreakers(value: unknown): SandboxError | undefined {
  if (!Array.isArray(value)) return badParam('param ice_breakers must be an array');
  const blocks = value.map((v) => obj(v) ?? {});
  const modern = blocks.some((b) => b.call_to_actions !== undefined);
  if (modern && blocks.some((b) => b.call_to_actions === undefined))
    return badParam('param ice_breakers may not mix formats');
  const lists = modern
    ? blocks.map((b) => (Array.isArray(b.call_to_actions) ? b.call_to_actions : []))
    : [blocks];
  if (modern && !blocks.some((b) => b.locale === 'default'))
    return badParam('param ice_breakers must include the default locale');
  for (const list of lists) {
    if (list.length > L.iceBreakers)
      return badParam(`param ice_breakers must have at most ${L.iceBreakers} questions`);
    for (const q of list.map((x) => obj(x) ?? {}))
      if (typeof q.question !== 'string' || typeof q.payload !== 'string')
        return badParam('param ice_breakers[question] and [payload] are required');
  }
  return undefined;
}
