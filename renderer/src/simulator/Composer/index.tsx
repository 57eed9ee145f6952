// Where the tester writes: typed text, an image (a URL or a picked file), and the Page's
// persistent menu, as Messenger's composer offers them.
import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useSimulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';
import { ImagePicker } from './ImagePicker';
import { PersistentMenu } from './PersistentMenu';

export function Composer() {
  const simulator = useSimulatorStore();
  const [text, setText] = useState('');
  const [panel, setPanel] = useState<'menu' | 'image' | null>(null);
  const busy = useSimulator((s) => s.busy);
  const ready = useSimulator((s) => !!s.running);
  const { t } = useTranslation();
  const hasMenu = useSimulator((s) => !!s.running?.profile?.persistentMenu?.length);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message || busy) return;
    setText('');
    void simulator.getState().send(userEvents.text(message));
  };
  const toggle = (which: 'menu' | 'image') => setPanel((p) => (p === which ? null : which));
  return (
    <div className="tl-sim-composer-wrap">
      {panel === 'menu' && <PersistentMenu onDone={() => setPanel(null)} />}
      {panel === 'image' && <ImagePicker onDone={() => setPanel(null)} />}
      <form className="tl-sim-composer" onSubmit={submit}>
        {hasMenu && (
          <button
            type="button"
            className="tl-sim-icon-button"
            aria-label={t('simulator.persistentMenu')}
            aria-expanded={panel === 'menu'}
            onClick={() => toggle('menu')}
          >
            ☰
          </button>
        )}
        <button
          type="button"
          className="tl-sim-icon-button"
          aria-label={t('simulator.attachImage')}
          aria-expanded={panel === 'image'}
          onClick={() => toggle('image')}
          disabled={!ready}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden>
            <rect
              x="3"
              y="5"
              width="18"
              height="14"
              rx="3"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
            <circle cx="9" cy="10" r="1.6" fill="currentColor" />
            <path d="M5 17l5-5 4 4 2-2 3 3" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
        <input
          aria-label={t('simulator.message')}
          placeholder="Aa"
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={!ready}
        />
        <button
          type="submit"
          className="tl-sim-send"
          aria-label={t('simulator.send')}
          disabled={busy || !text.trim()}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden>
            <path
              d="M3 20.5l18-8.5L3 3.5l2.5 8.5L3 20.5z M5.5 12H13"
              fill="currentColor"
              stroke="currentColor"
              strokeWidth="1"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      </form>
    </div>
  );
}
