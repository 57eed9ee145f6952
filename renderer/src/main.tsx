// The renderer's entry: opens the file the app was started with (or the welcome example) and
// mounts the designer. Reading the file first saves drawing the welcome flow only to replace it.
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
import { fileName } from './files/fileName';
import { loadText } from './files/loadText';
import { getHost } from './host';
import { t } from './i18n';
import { setupLanguage } from './i18n/setup';

async function start(root: HTMLElement): Promise<void> {
  const host = getHost();
  await setupLanguage(host);
  const context = createDesigner(host, FlowDocument.parse(welcome));
  const initial = await host.documents.initial().catch(() => null);
  if (initial) {
    const problems = loadText(context.store, initial.path, initial.text);
    if (problems) {
      context.ui.getState().set({
        notice: { title: t('files.cannotOpen', { file: fileName(initial.path) }), lines: problems },
      });
    }
  }
  createRoot(root).render(
    <StrictMode>
      <App context={context} host={host} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void start(root);
