// Where the simulator (renderer/src/simulator/) opens: a phone-width panel on the right, shown
// while the Simulate command has it on. The panel is its own region named "Simulator".
import { useUi } from '../hooks/useUi';
import { SimulatorPanel } from '../simulator/SimulatorPanel';

export function SimulatorSlot() {
  const open = useUi((s) => s.simulatorOpen);
  if (!open) return null;
  return (
    <div className="tl-simulator-slot">
      <SimulatorPanel />
    </div>
  );
}
