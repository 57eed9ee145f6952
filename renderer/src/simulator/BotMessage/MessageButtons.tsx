// Template buttons, each named by its title. A postback goes to the engine (old buttons too, as in
// Messenger); a URL or call button only says what it would do: the simulator stays offline.
import { Icon } from '../../Icon';
import { useState } from 'react';
import type { OutButton } from '../../../../flows/engine';
import { useSimulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';

export function MessageButtons({ buttons }: { buttons: readonly OutButton[] }) {
  const simulator = useSimulatorStore();
  const busy = useSimulator((s) => s.busy);
  const [hint, setHint] = useState<string | null>(null);
  const press = (button: OutButton) => {
    if (button.type === 'postback') void simulator.getState().send(userEvents.postback(button));
    else setHint(button.type === 'url' ? `Opens ${button.url}` : `Calls ${button.phone}`);
  };
  return (
    <div className="tl-sim-buttons">
      {buttons.map((button, i) => (
        <button
          key={`${button.title}-${i}`}
          type="button"
          disabled={busy && button.type === 'postback'}
          title={
            button.type === 'url' ? button.url : button.type === 'call' ? button.phone : undefined
          }
          onClick={() => press(button)}
        >
          {button.type === 'url' && <Icon name="link" size={13} />}
          {button.type === 'call' && <Icon name="phone" size={13} />}
          {button.title}
        </button>
      ))}
      {hint && (
        <p className="tl-sim-button-hint" role="status">
          {hint}
        </p>
      )}
    </div>
  );
}
