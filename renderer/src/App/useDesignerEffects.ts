import type { HostApi } from '../../../electron/host-api';
import { useClipboardEvents } from '../hooks/useClipboardEvents';
import { useLint } from '../hooks/useLint';
import { useMenuCommands } from '../hooks/useMenuCommands';
import { useRecoverySnapshots } from '../hooks/useRecoverySnapshots';
import { useShortcuts } from '../hooks/useShortcuts';
import { useStartup } from '../hooks/useStartup';
import { useWindowTitle } from '../hooks/useWindowTitle';

/** Everything the window does besides drawing: shortcuts, menus, lint, title, recovery. */
export function useDesignerEffects(host: HostApi) {
  useShortcuts();
  useClipboardEvents();
  useMenuCommands(host);
  useLint();
  useWindowTitle(host);
  useRecoverySnapshots(host);
  useStartup(host);
}
