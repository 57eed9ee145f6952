// What the chat waits for besides the user: a delay (with a skip ahead), the Page Inbox after a
// handover (with a hand back), or an answer for an HTTP node that could not call out.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../Icon';
import { formatDuration } from '../../nodeTypes/formatDuration';
import { useSimulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';
import { HttpPromptCard } from './HttpPromptCard';

export function ChatStatus() {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const wait = useSimulator((s) => s.session?.wait ?? null);
  const now = useSimulator((s) => s.now);
  const busy = useSimulator((s) => s.busy);
  const prompt = useSimulator((s) => s.httpPrompt);
  if (prompt) return <HttpPromptCard prompt={prompt} />;
  if (wait?.kind === 'delay') {
    return (
      <div className="tl-sim-status" role="status">
        <span className="tl-sim-status-icon" aria-hidden>
          <Icon name="delay" size={16} />
        </span>
        <span>{t('simulator.waits', { duration: formatDuration((wait.dueAt - now) / 1000) })}</span>
        <button type="button" disabled={busy} onClick={() => void simulator.getState().skipDelay()}>
          {t('simulator.skipAhead')}
        </button>
      </div>
    );
  }
  if (wait?.kind === 'handover') {
    return (
      <div className="tl-sim-status" role="status">
        <span className="tl-sim-status-icon" aria-hidden>
          <Icon name="handover" size={16} />
        </span>
        <span>{t('simulator.personHasThread')}</span>
        <button
          type="button"
          disabled={busy}
          onClick={() => void simulator.getState().send(userEvents.handBack())}
        >
          {t('simulator.handBack')}
        </button>
      </div>
    );
  }
  return null;
}
