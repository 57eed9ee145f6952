import { useEffect } from 'react';
import { t } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { lintMessageNow } from '../i18n/lint';
import type { HostApi } from '../../../electron/host-api';
import { parseFlowDocument } from '../../../flows';
import { useDesignerContext } from '../designer/DesignerContext';
import { fileName } from '../files/fileName';
import { emptyFlowDocument, fromFlowDocument } from '../store/designerDocument';
import { confirm } from '../store/uiStore';

/**
 * On start (after main.tsx opened the file the app was started with): offer to restore unsaved
 * edits from a crash. A restored document keeps its file path and counts as unsaved.
 */
export function useStartup(host: HostApi) {
  const { store, ui } = useDesignerContext();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const pending = await host.recovery.pending().catch(() => null);
      if (cancelled || !pending) return;
      const restore = await confirm(
        ui,
        t('files.restoreTitle'),
        t('files.restoreMessage', {
          file: fileName(pending.path),
          savedAt: formatDateTime(pending.savedAt),
        }),
        t('files.restoreConfirm'),
      );
      if (!restore) {
        await host.recovery.discard();
        return;
      }
      const result = parseFlowDocument(pending.text);
      if (!result.ok) {
        ui.getState().set({
          notice: {
            title: t('files.cannotRestore'),
            lines: result.problems.map((p) => `${p.path}: ${lintMessageNow(p)}`),
          },
        });
        return;
      }
      // The saved file (when there is one) becomes the baseline and the recovered document an
      // unsaved edit on top: the title shows unsaved, and undo goes back to the file.
      const saved = pending.path
        ? await host.documents
            .open(pending.path)
            .then((f) => parseFlowDocument(f.text))
            .catch(() => null)
        : null;
      store.getState().load(saved?.ok ? saved.document : emptyFlowDocument(), pending.path);
      store.getState().change(() => fromFlowDocument(result.document), { kind: 'push' });
    })();
    return () => {
      cancelled = true;
    };
  }, [host, store, ui]);
}
