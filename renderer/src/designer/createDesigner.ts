// Creates the stores and command context of one designer window.
import type { HostApi } from '../../../electron/host-api';
import type { FlowDocument } from '../../../flows';
import type { CanvasView, CommandContext, TextClipboard } from '../commands/command';
import { createFileActions } from '../files/fileActions';
import { createDesignerStore } from '../store/designerStore';
import { createUiStore } from '../store/uiStore';

const browserClipboard: TextClipboard = {
  read: () => navigator.clipboard.readText(),
  write: (text) => navigator.clipboard.writeText(text),
};

export function createDesigner(host: HostApi, initial: FlowDocument): CommandContext {
  const store = createDesignerStore(initial);
  const ui = createUiStore();
  let view: CanvasView | null = null;
  return {
    store,
    ui,
    get view() {
      return view;
    },
    setView(next) {
      view = next;
    },
    clipboard: browserClipboard,
    files: createFileActions(host, store, ui),
  };
}
