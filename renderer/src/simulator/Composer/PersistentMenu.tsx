// The Page's persistent menu: postback items go to their target node, URL items only say where
// they would lead (the simulator never leaves the app).
import { useTranslation } from 'react-i18next';
import { useSimulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';

export function PersistentMenu({ onDone }: { onDone: () => void }) {
  const simulator = useSimulatorStore();
  const { t } = useTranslation();
  const items = useSimulator((s) => s.running?.profile?.persistentMenu) ?? [];
  const busy = useSimulator((s) => s.busy);
  return (
    <div className="tl-sim-sheet" role="menu" aria-label={t('simulator.persistentMenu')}>
      {items.map((item) =>
        'target' in item ? (
          <button
            key={item.title}
            type="button"
            role="menuitem"
            disabled={busy}
            onClick={() => {
              onDone();
              void simulator.getState().send(userEvents.menu(item.title, item.target));
            }}
          >
            {item.title}
          </button>
        ) : (
          <a
            key={item.title}
            role="menuitem"
            href={item.url}
            title={item.url}
            onClick={(e) => e.preventDefault()}
          >
            {item.title} <span aria-hidden>↗</span>
          </a>
        ),
      )}
    </div>
  );
}
