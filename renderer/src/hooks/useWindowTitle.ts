import { useEffect } from 'react';
import type { HostApi } from '../../../electron/host-api';
import { fileName } from '../files/fileName';
import { isDirty } from '../store/designerStore';
import { useDesigner } from './useDesigner';

/** "welcome.flow.json • — Threadline": the file and whether it has unsaved changes. */
export function useWindowTitle(host: HostApi) {
  const path = useDesigner((s) => s.file.path);
  const dirty = useDesigner(isDirty);
  useEffect(() => {
    const title = `${fileName(path)}${dirty ? ' •' : ''} — Threadline`;
    document.title = title;
    void host.window.setTitle(title).catch(() => undefined);
  }, [host, path, dirty]);
  useEffect(() => {
    void host.window.setDirty(dirty).catch(() => undefined);
  }, [host, dirty]);
}
