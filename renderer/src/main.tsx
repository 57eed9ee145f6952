// The renderer's entry: mounts the designer with the welcome example until a file is opened.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/nodes.css';
import './styles/inspector.css';
import { FlowDocument } from '../../flows';
import welcome from '../../flows/examples/welcome.flow.json';
import { App } from './App';
import { createDesigner } from './designer/createDesigner';
import { getHost } from './host';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const host = getHost();
const context = createDesigner(host, FlowDocument.parse(welcome));
createRoot(root).render(
  <StrictMode>
    <App context={context} host={host} />
  </StrictMode>,
);
