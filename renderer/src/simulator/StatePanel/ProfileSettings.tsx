// The simulated user's Messenger profile (first and last name, locale) and the seed of split
// nodes. The profile applies at once; a new seed from the next Restart, so a run replays exactly.
import { useTranslation } from 'react-i18next';
import { useSimulatorStore, useSimulator } from '../store';

export function ProfileSettings() {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const user = useSimulator((s) => s.settings.user);
  const contact = useSimulator((s) => s.settings.contact);
  const seed = useSimulator((s) => s.settings.seed);
  const update = simulator.getState().updateSettings;
  return (
    <section className="tl-sim-group" aria-label={t('simState.profile')}>
      <h3>{t('simState.profile')}</h3>
      <div className="tl-sim-fields">
        <label>
          {t('simState.firstName')}
          <input
            value={user.first_name}
            onChange={(e) => update({ user: { ...user, first_name: e.target.value } })}
          />
        </label>
        <label>
          {t('simState.lastName')}
          <input
            value={user.last_name}
            onChange={(e) => update({ user: { ...user, last_name: e.target.value } })}
          />
        </label>
        <label>
          {t('simState.locale')}
          <input
            value={user.locale}
            onChange={(e) => update({ user: { ...user, locale: e.target.value } })}
          />
        </label>
        <label>
          {t('simState.email')}
          <input
            value={contact.email}
            onChange={(e) => update({ contact: { ...contact, email: e.target.value } })}
          />
        </label>
        <label>
          {t('simState.phone')}
          <input
            value={contact.phone}
            onChange={(e) => update({ contact: { ...contact, phone: e.target.value } })}
          />
        </label>
        <label>
          {t('simState.seed')}
          <input
            type="number"
            value={seed}
            onChange={(e) => {
              const next = Number.parseInt(e.target.value, 10);
              if (Number.isFinite(next)) update({ seed: next });
            }}
          />
        </label>
      </div>
      <p className="tl-muted tl-sim-hint">{t('simState.seedHint')}</p>
    </section>
  );
}
