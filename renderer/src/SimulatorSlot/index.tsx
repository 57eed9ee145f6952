// Mount point for the simulator (renderer/src/simulator/, built separately): a phone-width panel
// on the right, shown when the Simulate command toggles it on. Replace the placeholder below with
// the simulator component; it can read the document with useDesigner((s) => s.doc).
import { useUi } from '../hooks/useUi';

export function SimulatorSlot() {
  const open = useUi((s) => s.simulatorOpen);
  if (!open) return null;
  return (
    <section aria-label="Simulator" className="tl-simulator">
      <p className="tl-muted">The simulator will appear here.</p>
    </section>
  );
}
