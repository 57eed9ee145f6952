// Creates the stores and command context of one designer window.
import type { HostApi } from '../../../electron/host-api';
import type { FlowDocument } from '../../../flows';
import type { CanvasView, CommandContext, TextClipboard } from '../commands/command';
import { createFileActions } from '../files/fileActions';
import { createPublishStore } from '../publish/publishStore';
import { createSimulatorStore, type SimulatorDeps } from '../simulator/createSimulatorStore';
import { loadSettings, saveSettings } from '../simulator/settings';
import { createDerivedStore } from '../store/derivedStore';
import { createDesignerStore } from '../store/designerStore';
import { createUiStore } from '../store/uiStore';

const browserClipboard: TextClipboard = {
  read: () => navigator.clipboard.readText(),
  write: (text) => navigator.clipboard.writeText(text),
};

/** The stores of one designer window, without the host's files, the canvas or the clipboard. */
export function createDesignerStores(
  initial: FlowDocument,
  simulator: SimulatorDeps,
): Pick<CommandContext, 'store' | 'ui' | 'derived' | 'publish' | 'simulator'> {
  const store = createDesignerStore(initial);
  return {
    store,
    ui: createUiStore(),
    derived: createDerivedStore(store),
    publish: createPublishStore(),
    simulator: createSimulatorStore(simulator),
  };
}

export function createDesigner(host: HostApi, initial: FlowDocument): CommandContext {
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  const stores = createDesignerStores(initial, {
    callHost: (request) => host.http(request),
    settings: loadSettings(storage),
    onSettings: (settings) => saveSettings(storage, settings),
  });
  let view: CanvasView | null = null;
  return {
    ...stores,
    get view() {
      return view;
    },
    setView(next) {
      view = next;
    },
    clipboard: browserClipboard,
    files: createFileActions(host, stores.store, stores.ui),
  };
}
