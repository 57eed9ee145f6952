// The right column: the selected node's form, or the flow's settings when nothing is selected.
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';
import { useEffect, useRef } from 'react';
import { useDesigner } from '../hooks/useDesigner';
import { useUi } from '../hooks/useUi';
import { FIRST_FIELD } from '../store/designerStore';
import { NODE_CATALOG } from '../nodeTypes/catalog';
import { FlowSettings } from '../FlowSettings';
import { InspectorScope } from './fields/InspectorScope';
import { NodeForm } from './NodeForm';
import { NodeNameInput } from './fields/NodeNameInput';

export function Inspector() {
  const { t } = useTranslation();
  const selectedIds = useDesigner((s) => s.selection.nodes);
  const onlyId = selectedIds.size === 1 ? [...selectedIds][0]! : null;
  const node = useDesigner((s) => (onlyId ? s.doc.nodes[onlyId] : undefined));
  const root = useRef<HTMLElement>(null);
  const simulating = useUi((s) => s.simulatorOpen);
  useFocusRequests(root);
  // While simulating, the phone panel takes the right; the inspector shows only for a selection.
  if (simulating && selectedIds.size === 0) return null;
  return (
    <section aria-label={t('inspector.label')} className="tl-inspector" ref={root}>
      {node ? (
        <InspectorScope.Provider value={node.id}>
          <h2
            className={`tl-inspector-title tl-group-${NODE_CATALOG[node.type].group.toLowerCase()}`}
          >
            <Icon name={NODE_CATALOG[node.type].icon} /> {t(`nodes.${node.type}.label`)}
            <code className="tl-muted">{node.id}</code>
          </h2>
          <NodeNameInput node={node} />
          <NodeForm key={node.id} node={node} />
        </InspectorScope.Provider>
      ) : selectedIds.size > 1 ? (
        <p className="tl-muted tl-pad">
          {t('inspector.nodesSelected', { count: selectedIds.size })}
        </p>
      ) : (
        <InspectorScope.Provider value={null}>
          <FlowSettings />
        </InspectorScope.Provider>
      )}
    </section>
  );
}

/** Focuses the field a problem points to (or the first, for "Edit"), once its form has rendered. */
function useFocusRequests(root: React.RefObject<HTMLElement | null>) {
  const focus = useDesigner((s) => s.focus);
  useEffect(() => {
    if (!focus?.field) return;
    const frame = requestAnimationFrame(() => {
      const fields = [...(root.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])];
      const target =
        focus.field === FIRST_FIELD
          ? // "Edit" opens the node's content, not its optional name.
            fields.find((f) => f.dataset['field'] !== 'nodeName')
          : (fields.find((f) => f.dataset['field'] === focus.field) ??
            fields.find((f) => focus.field!.startsWith(f.dataset['field'] ?? '\0')));
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, root]);
}
