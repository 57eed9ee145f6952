// The designer window: toolbar over palette, canvas and inspector (or simulator); problems and
// status bar below.
import { ReactFlowProvider } from '@xyflow/react';
import type { HostApi } from '../../../electron/host-api';
import type { CommandContext } from '../commands/command';
import { AudiencePanel } from '../audience/AudiencePanel';
import { Canvas } from '../Canvas';
import { DesignerContext } from '../designer/DesignerContext';
import { Dialogs } from '../Dialogs';
import { TemplatesDialog } from '../templates/TemplatesDialog';
import { HelpOverlay } from '../HelpOverlay';
import { Inspector } from '../Inspector';
import { Palette } from '../Palette';
import { ProblemsPanel } from '../ProblemsPanel';
import { PublishDialog } from '../publish/PublishDialog';
import { RevisionsPanel } from '../revisions/RevisionsPanel';
import { SimulatorSlot } from '../SimulatorSlot';
import { StatsBar } from '../stats/StatsBar';
import { StatusBar } from '../StatusBar';
import { Toolbar } from '../Toolbar';
import { useDesigner } from '../hooks/useDesigner';
import { useUi } from '../hooks/useUi';
import { useEffect, useRef } from 'react';
import { panelStore, type PanelId } from './panelLayout';
import { SidePanel, useCollapsedPanels } from './SidePanel';
import { useDesignerEffects } from './useDesignerEffects';
import { useInertBehindModal } from './useInertBehindModal';

export function App({ context, host }: { context: CommandContext; host: HostApi }) {
  return (
    <DesignerContext.Provider value={context}>
      <ReactFlowProvider>
        <Effects host={host} />
        <Window />
        <HelpOverlay />
        <PublishDialog />
        <Dialogs />
        <TemplatesDialog />
      </ReactFlowProvider>
    </DesignerContext.Provider>
  );
}

function Window() {
  const app = useRef<HTMLDivElement>(null);
  useInertBehindModal(app);
  const simulating = useUi((s) => s.simulatorOpen);
  const selected = useDesigner((s) => s.selection.nodes.size);
  // While simulating, the phone panel takes the right; the inspector shows only for a selection.
  const inspecting = !simulating || selected > 0;
  const shown: PanelId[] = ['palette'];
  if (inspecting) shown.push('inspector');
  if (simulating) shown.push('simulator');
  const collapsed = useCollapsedPanels(shown);
  // Asked to edit a field (a problem clicked, "Edit" in the node menu): show the inspector.
  const focus = useDesigner((s) => s.focus);
  useEffect(() => {
    if (focus?.field) panelStore.getState().setCollapsed('inspector', false);
  }, [focus]);
  return (
    <div className="tl-app" ref={app}>
      <Toolbar />
      <main className="tl-columns">
        <SidePanel id="palette" collapsed={collapsed.has('palette')}>
          <Palette />
        </SidePanel>
        <div className="tl-centre">
          <StatsBar />
          <Canvas />
          <ProblemsPanel />
        </div>
        {inspecting && (
          <SidePanel id="inspector" collapsed={collapsed.has('inspector')}>
            <Inspector />
          </SidePanel>
        )}
        <RevisionsPanel />
        <AudiencePanel />
        {simulating && (
          <SidePanel id="simulator" collapsed={collapsed.has('simulator')}>
            <SimulatorSlot />
          </SidePanel>
        )}
      </main>
      <StatusBar />
    </div>
  );
}

function Effects({ host }: { host: HostApi }) {
  useDesignerEffects(host);
  return null;
}
