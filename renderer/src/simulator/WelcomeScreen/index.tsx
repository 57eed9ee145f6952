// A new thread, as Messenger shows it before the first message: the Page, its greeting, the ice
// breakers and the Get Started button.
import { useTranslation } from 'react-i18next';
import { renderTemplate } from '../../../../flows';
import { initials } from '../initials';
import { useSimulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';

export function WelcomeScreen() {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const flow = useSimulator((s) => s.running);
  const user = useSimulator((s) => s.settings.user);
  const busy = useSimulator((s) => s.busy);
  if (!flow) return null;
  const greeting = flow.profile?.greeting?.find((g) => g.locale === 'default')?.text;
  const send = simulator.getState().send;
  return (
    <div className="tl-sim-welcome">
      <span className="tl-sim-avatar is-large" aria-hidden>
        {initials(flow.name)}
      </span>
      <strong>{flow.name}</strong>
      {greeting && <p>{greetingText(greeting, user.first_name, user.last_name)}</p>}
      <div className="tl-sim-ice">
        {flow.profile?.iceBreakers?.map((ice) => (
          <button
            key={ice.question}
            type="button"
            disabled={busy}
            onClick={() => void send(userEvents.iceBreaker(ice.question, ice.target))}
          >
            {ice.question}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="tl-sim-get-started"
        disabled={busy}
        onClick={() => void send(userEvents.getStarted())}
      >
        {t('simulator.getStarted')}
      </button>
      {flow.entries.refs.length > 0 && (
        <div className="tl-sim-refs">
          <span>{t('simulator.orArrive')}</span>
          {flow.entries.refs.map(({ ref }) => (
            <button
              key={ref}
              type="button"
              className="tl-sim-link"
              disabled={busy}
              onClick={() => void send(userEvents.referral(ref))}
            >
              ?ref={ref}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Messenger fills in only the user's name in a greeting. */
function greetingText(text: string, first: string, last: string): string {
  const names: Record<string, string> = {
    user_first_name: first,
    user_last_name: last,
    user_full_name: `${first} ${last}`.trim(),
  };
  return renderTemplate(text, (name) => names[name]);
}
