// The Messenger Profile API body (MESSENGER.md §4) for a compiled flow's profile: one POST that
// sets the Get Started payload, greeting, persistent menu and ice breakers together.
import type { CompiledFlow } from '../schema';
import { encodePayload } from './payload';

export type ProfileMenuItem =
  | { type: 'postback'; title: string; payload: string }
  | { type: 'web_url'; title: string; url: string };

export interface MessengerProfileBody {
  get_started: { payload: string };
  greeting?: { locale: string; text: string }[];
  persistent_menu?: {
    locale: 'default';
    composer_input_disabled: false;
    call_to_actions: ProfileMenuItem[];
  }[];
  ice_breakers?: { locale: 'default'; call_to_actions: { question: string; payload: string }[] }[];
}

/** Get Started is always set: the persistent menu needs it, and it opens every new thread. */
export function messengerProfileBody(flow: Pick<CompiledFlow, 'profile'>): MessengerProfileBody {
  const body: MessengerProfileBody = {
    get_started: { payload: encodePayload({ kind: 'get_started' }) },
  };
  const profile = flow.profile;
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
