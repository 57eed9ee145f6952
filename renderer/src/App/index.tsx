// The designer window: toolbar over palette, canvas and inspector (or simulator); problems and
// status bar below.
import { ReactFlowProvider } from '@xyflow/react';
import type { HostApi } from '../../../electron/host-api';
import type { CommandContext } from '../commands/command';
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
import { useDesignerEffects } from './useDesignerEffects';

export function App({ context, host }: { context: CommandContext; host: HostApi }) {
  return (
    <DesignerContext.Provider value={context}>
      <ReactFlowProvider>
        <Effects host={host} />
        <div className="tl-app">
          <Toolbar />
          <main className="tl-columns">
            <Palette />
            <div className="tl-centre">
              <StatsBar />
              <Canvas />
              <ProblemsPanel />
            </div>
            <Inspector />
            <RevisionsPanel />
            <SimulatorSlot />
          </main>
          <StatusBar />
        </div>
        <HelpOverlay />
        <PublishDialog />
        <Dialogs />
        <TemplatesDialog />
      </ReactFlowProvider>
    </DesignerContext.Provider>
  );
}

function Effects({ host }: { host: HostApi }) {
  useDesignerEffects(host);
  return null;
}
