// The canvas's own keys, ahead of React Flow's: the arrow keys move the selected nodes through the
// moveSelection command (one undo step per burst, Shift for four grid steps; React Flow's own
// arrow moves would be one history step per press); Shift+F10 or the ContextMenu key on a
// focused node selects it first, so that the node menu opens for the node that has focus; and
// Ctrl+Enter on a focused node adds after it (React Flow would take it for Ctrl+click, which
// unselects the node).
import { useEffect, type RefObject } from 'react';
import { arrowDirection, moveSelectionCommand, SHIFT_FACTOR } from '../commands/moveSelection';
import { getCommand } from '../commands/registry';
import { runCommand } from '../commands/runCommand';
import { matchesShortcut } from '../commands/shortcut';
import { isMacPlatform } from '../hooks/useIsMac';
import { useDesignerContext } from '../designer/DesignerContext';
import { isEditable } from '../hooks/useShortcuts';

/** Where arrow keys have a meaning of their own: fields, menus, lists, tabs, toolbars, sliders. */
const OWN_ARROWS =
  '[role="menu"], [role="listbox"], [role="tablist"], [role="toolbar"], [role="slider"], [role="radiogroup"], [role="grid"], [role="tree"], .tl-inspector, .tl-sim, .tl-problems, .tl-palette, .tl-dialog';

export function useCanvasKeyboard(container: RefObject<HTMLElement | null>) {
  const context = useDesignerContext();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (isEditable(target) || target?.closest(OWN_ARROWS)) return;
      const nodeElement = target?.closest<HTMLElement>('.react-flow__node');
      const inCanvas = !!target && !!container.current?.contains(target);
      const onPage = !target || target === document.body || inCanvas;
      const { store } = context;

      if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
        const id = nodeElement?.dataset['id'];
        if (id && !store.getState().selection.nodes.has(id)) store.getState().select([id]);
        return; // the contextMenu command (useShortcuts) opens the menu
      }

      const addAfter = getCommand('addAfter');
      const id = nodeElement?.dataset['id'];
      if (id && addAfter.shortcuts.some((s) => matchesShortcut(event, s, isMacPlatform()))) {
        event.preventDefault();
        event.stopPropagation();
        store.getState().select([id]);
        void runCommand(context, addAfter);
        return;
      }

      const direction = arrowDirection(event.key);
      if (!direction || event.ctrlKey || event.metaKey || !onPage) return;
      if (store.getState().selection.nodes.size === 0) return;
      event.preventDefault();
      event.stopPropagation();
      const steps = event.shiftKey ? SHIFT_FACTOR : 1;
      void runCommand(context, moveSelectionCommand(direction, steps));
    };
    // Capture: before React Flow's node handler moves the nodes its own way.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [context, container]);
}
