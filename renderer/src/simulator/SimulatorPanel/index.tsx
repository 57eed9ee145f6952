// The simulator: a phone-width Messenger-like panel beside the canvas that runs the designer's
// current draft with the same engine as the runtime. Tabs: the chat, the session's state, and the
// flow's scenarios.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useDesigner } from '../../hooks/useDesigner';
import { ChatStatus } from '../ChatStatus';
import { Composer } from '../Composer';
import { Conversation } from '../Conversation';
import { LintBlocked } from './LintBlocked';
import { FlowChangedBanner } from './FlowChangedBanner';
import { PathStyles } from './PathStyles';
import { ScenariosPanel } from '../ScenariosPanel';
import { StatePanel } from '../StatePanel';
import { initials } from '../initials';
import { useSimulator } from '../store';
import { useDraftSync } from '../useDraftSync';
import '../simulator.css';

type Tab = 'chat' | 'state' | 'scenarios';
const TABS: Tab[] = ['chat', 'state', 'scenarios'];

export function SimulatorPanel() {
  const { t } = useTranslation();
  useDraftSync();
  const [tab, setTab] = useState<Tab>('chat');
  const phase = useSimulator((s) => s.phase);
  const restart = useSimulator((s) => s.restart);
  const name = useDesigner((s) => s.doc.meta.name);
  return (
    <section aria-label={t('simulator.label')} className="tl-sim">
      <PathStyles />
      <header className="tl-sim-header">
        <span className="tl-sim-avatar" aria-hidden>
          {initials(name)}
        </span>
        <div className="tl-sim-title">
          <strong>{name}</strong>
          <span>{t('simulator.simulating')}</span>
        </div>
        <button
          type="button"
          className="tl-sim-restart"
          onClick={restart}
          disabled={phase !== 'ready'}
          title={t('simulator.restartTitle')}
        >
          {t('simulator.restart')}
        </button>
      </header>
      {phase !== 'blocked' && (
        <div role="tablist" aria-label={t('simulator.views')} className="tl-sim-tabs">
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'is-active' : ''}
              onClick={() => setTab(id)}
            >
              {t(`simulator.tabs.${id}`)}
            </button>
          ))}
        </div>
      )}
      {phase === 'blocked' ? (
        <LintBlocked />
      ) : (
        <>
          <FlowChangedBanner />
          {tab === 'chat' && (
            <div className="tl-sim-chat">
              <Conversation />
              <ChatStatus />
              <Composer />
            </div>
          )}
          {tab === 'state' && <StatePanel />}
          {tab === 'scenarios' && <ScenariosPanel />}
        </>
      )}
    </section>
  );
}
