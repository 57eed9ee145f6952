// The Messenger Profile API body (docs/messenger.md §4) for a compiled flow's profile: one POST that
// sets the Get Started payload, greeting, persistent menu and ice breakers together. The fields a
// flow leaves out are removed from the Page (DELETE), so the Page's profile is the flow's.
import type { CompiledFlow } from '../schema';
import { encodePayload } from './payload';

export type ProfileMenuItem =
  | { type: 'postback'; title: string; payload: string }
  | { type: 'web_url'; title: string; url: string };

export interface MessengerProfileBody {
  get_started?: { payload: string };
  greeting?: { locale: string; text: string }[];
  persistent_menu?: {
    locale: 'default';
    composer_input_disabled: false;
    call_to_actions: ProfileMenuItem[];
  }[];
  ice_breakers?: { locale: 'default'; call_to_actions: { question: string; payload: string }[] }[];
}

/** The profile fields Threadline manages; any of them the flow does not set is removed. */
export const MANAGED_PROFILE_FIELDS = [
  'get_started',
  'greeting',
  'persistent_menu',
  'ice_breakers',
] as const;

/**
 * Get Started is set when tapping it leads somewhere: a Get Started, default or ref trigger (an
 * m.me link into a new thread arrives with the Get Started tap), and always with a persistent
 * menu, which Messenger shows only when Get Started is set.
 */
export function messengerProfileBody(
  flow: Pick<CompiledFlow, 'profile' | 'entries'>,
): MessengerProfileBody {
  const body: MessengerProfileBody = {};
  const profile = flow.profile;
  const { entries } = flow;
  if (
    entries.getStarted !== undefined ||
    entries.default !== undefined ||
    entries.refs.length > 0 ||
    profile?.persistentMenu?.length
  )
    body.get_started = { payload: encodePayload({ kind: 'get_started' }) };
  if (profile?.greeting?.length)
    body.greeting = profile.greeting.map((g) => ({ locale: g.locale, text: g.text }));
  if (profile?.persistentMenu?.length)
    body.persistent_menu = [
      {
        locale: 'default',
        composer_input_disabled: false,
        call_to_actions: profile.persistentMenu.map((item): ProfileMenuItem =>
          'url' in item
            ? { type: 'web_url', title: item.title, url: item.url }
            : {
                type: 'postback',
                title: item.title,
                payload: encodePayload({ kind: 'menu', target: item.target }),
              },
        ),
      },
    ];
  if (profile?.iceBreakers?.length)
    body.ice_breakers = [
      {
        locale: 'default',
        call_to_actions: profile.iceBreakers.map((i) => ({
          question: i.question,
          payload: encodePayload({ kind: 'ice', target: i.target }),
        })),
      },
    ];
  return body;
}
