// The draft changed while a chat was going on. Restarting is the clean choice; continuing keeps
// the chat and moves it to the new version, as a published flow's users would experience.
import { useTranslation } from 'react-i18next';
import { useSimulator } from '../store';

export function FlowChangedBanner() {
  const changed = useSimulator(
    (s) => !!s.running && !!s.draft && s.running.revision !== s.draft.revision,
  );
  const { t } = useTranslation();
  const continueOnDraft = useSimulator((s) => s.continueOnDraft);
  const busy = useSimulator((s) => s.busy);
  if (!changed) return null;
  return (
    <div className="tl-sim-banner" role="status">
      <span>{t('simulator.flowChanged')}</span>
      <button type="button" onClick={continueOnDraft} disabled={busy}>
        {t('simulator.keepChatting')}
      </button>
    </div>
  );
}
