// TEMPORARY dev preview: the designer with the simulator docked, before the SimulatorSlot mount.
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../../styles/theme.css';
import '../../styles/layout.css';
import '../../styles/nodes.css';
import '../../styles/inspector.css';
import { FlowDocument } from '../../../../flows';
import welcome from '../../../../flows/examples/welcome.flow.json';
import { App } from '../../App';
import { DesignerContext } from '../../designer/DesignerContext';
import { createDesigner } from '../../designer/createDesigner';
import { getHost } from '../../host';
import { SimulatorPanel } from '../SimulatorPanel';

const host = getHost();
const context = createDesigner(host, FlowDocument.parse(welcome));
createRoot(document.getElementById('root')!).render(
  <>
    <div style={{ position: 'fixed', inset: '0 380px 0 0' }}>
      <App context={context} host={host} />
    </div>
    <div style={{ position: 'fixed', top: 0, right: 0, bottom: 0, display: 'flex' }}>
      <DesignerContext.Provider value={context}>
        <SimulatorPanel />
      </DesignerContext.Provider>
    </div>
  </>,
);
