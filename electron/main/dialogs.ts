// Native open and save dialogs, then the same documents service as every other call.
import { dirname, join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { OpenedFile } from '../host-api';
import type { DocumentsService } from '../services/documents';

const FLOW_FILTERS = [{ name: 'Threadline flows (*.flow.json)', extensions: ['json'] }];

export function createDialogHandlers(deps: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  documents: DocumentsService;
  defaultDir: () => Promise<string>;
}) {
  return {
    async showOpen(): Promise<OpenedFile | null> {
      const win = deps.window();
      if (!win) return null;
      const result = await deps.dialog.showOpenDialog(win, {
        properties: ['openFile'],
        filters: FLOW_FILTERS,
        defaultPath: await deps.defaultDir(),
      });
      const path = result.filePaths[0];
      if (result.canceled || !path) return null;
      return deps.documents.open(path);
    },
    async showSaveAs(suggestedName: string, text: string): Promise<string | null> {
      const win = deps.window();
      if (!win) return null;
      const result = await deps.dialog.showSaveDialog(win, {
        defaultPath: join(await deps.defaultDir(), withFlowSuffix(suggestedName)),
        filters: FLOW_FILTERS,
      });
      if (result.canceled || !result.filePath) return null;
      const path = withFlowSuffix(result.filePath);
      await deps.documents.save(path, text);
      return path;
    },
  };
}

export function withFlowSuffix(name: string): string {
  if (name.endsWith('.flow.json')) return name;
  return `${name.replace(/\.json$/, '')}.flow.json`;
}

/** The folder of the most recent file, so dialogs open where the user last worked. */
export async function recentDir(documents: DocumentsService, fallback: string): Promise<string> {
  const [latest] = await documents.recent();
  return latest ? dirname(latest) : fallback;
}
