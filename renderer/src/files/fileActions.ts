// New, Open, Save, Save As through the host. Opening never changes anything when the file is
// broken or from a newer version: it shows what is wrong and where instead.
import { t } from '../i18n';
import type { HostApi } from '../../../electron/host-api';
import { FlowDocument, serializeFlowDocument } from '../../../flows';
import type { FileActions } from '../commands/command';
import { toFlowDocument } from '../store/designerDocument';
import type { DesignerStore } from '../store/designerStore';
import { isDirty } from '../store/designerStore';
import { confirm, type UiStore } from '../store/uiStore';
import { fileName } from './fileName';
import { loadText } from './loadText';

export function createFileActions(host: HostApi, store: DesignerStore, ui: UiStore): FileActions {
  /** Asks before replacing unsaved edits; true when it is fine to go on. */
  const mayDiscard = async () =>
    !isDirty(store.getState()) ||
    confirm(
      ui,
      t('files.discardTitle'),
      t('files.discardMessage', { file: fileName(store.getState().file.path) }),
      t('files.discardConfirm'),
    );

  const openText = (path: string, text: string): boolean => {
    const problems = loadText(store, path, text);
    if (problems) {
      ui.getState().set({
        notice: { title: t('files.cannotOpen', { file: fileName(path) }), lines: problems },
      });
      return false;
    }
    void host.recovery.discard();
    return true;
  };

  const writeTo = async (path: string | null): Promise<boolean> => {
    const doc = store.getState().doc;
    const flow = toFlowDocument(doc);
    const check = FlowDocument.safeParse(flow);
    if (!check.success) {
      ui.getState().set({
        notice: {
          title: t('files.cannotSaveYet'),
          lines: check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        },
      });
      return false;
    }
    const text = serializeFlowDocument(check.data);
    const saved = path ?? (await host.documents.showSaveAs(`${flow.id}.flow.json`, text));
    if (!saved) return false;
    if (path) await host.documents.save(path, text);
    store.getState().markSaved(saved, doc);
    await host.recovery.discard();
    return true;
  };

  return {
    async newFlow() {
      if (!(await mayDiscard())) return;
      // The templates dialog calls createFrom with the flow picked (the empty one first).
      ui.getState().set({ templatesOpen: true });
    },
    async createFrom(doc) {
      store.getState().load(doc, null);
      await host.recovery.discard();
    },
    async open() {
      if (!(await mayDiscard())) return;
      const file = await host.documents.showOpen();
      if (file) openText(file.path, file.text);
    },
    async openPath(path) {
      if (!(await mayDiscard())) return;
      const file = await host.documents.open(path);
      openText(file.path, file.text);
    },
    recent: () => host.documents.recent(),
    async save() {
      await writeTo(store.getState().file.path);
    },
    async saveAs() {
      await writeTo(null);
    },
  };
}
