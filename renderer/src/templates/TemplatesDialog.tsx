// "New flow": a list of templates (the empty flow first, then the examples) with a preview of the
// one chosen: its description, node count, a small map and its first nodes by name. Arrow keys
// choose, Enter creates, Escape cancels; the document is only replaced on Create.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../../flows';
import { displayName } from '../nodeTypes/displayName';
import { useDesignerContext } from '../designer/DesignerContext';
import { useUi } from '../hooks/useUi';
import { TEMPLATE_KEYS, templateDocument, type TemplateKey } from './templates';
import { FlowMap } from './FlowMap';
import './templates.css';

const LISTED_NODES = 8;

export function TemplatesDialog() {
  const open = useUi((s) => s.templatesOpen);
  return open ? <TemplatesDialogBody /> : null;
}

function TemplatesDialogBody() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const [active, setActive] = useState(0);
  const docs = useMemo(() => TEMPLATE_KEYS.map((key) => templateDocument(key)), []);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => list.current?.focus(), []);
  const close = () => context.ui.getState().set({ templatesOpen: false });
  const create = (index: number) => {
    close();
    void context.files?.createFrom(templateDocument(TEMPLATE_KEYS[index]!));
  };
  const name = (key: TemplateKey, doc: FlowDocument) =>
    key === 'empty' ? t('templates.emptyName') : doc.name;

  const onListKey = (event: KeyboardEvent) => {
    const last = TEMPLATE_KEYS.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(active + 1, last),
      ArrowUp: Math.max(active - 1, 0),
      Home: 0,
      End: last,
    };
    if (event.key in moves) setActive(moves[event.key]!);
    else if (event.key === 'Enter') create(active);
    else return;
    event.preventDefault();
  };
  const onDialogKey = (event: KeyboardEvent) => {
    // The designer's own shortcuts stay out while the dialog is open.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const key = TEMPLATE_KEYS[active]!;
  const doc = docs[active]!;
  const optionId = (i: number) => `tl-template-${TEMPLATE_KEYS[i]}`;
  return (
    <div className="tl-overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="tl-templates-title"
        className="tl-dialog tl-templates"
        onKeyDown={onDialogKey}
      >
        <h2 id="tl-templates-title">{t('templates.title')}</h2>
        <p className="tl-muted">{t('templates.intro')}</p>
        <div className="tl-templates-body">
          <ul
            ref={list}
            role="listbox"
            tabIndex={0}
            aria-label={t('templates.list')}
            aria-activedescendant={optionId(active)}
            className="tl-templates-list"
            onKeyDown={onListKey}
          >
            {TEMPLATE_KEYS.map((k, i) => (
              <li
                key={k}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                onClick={() => setActive(i)}
                onDoubleClick={() => create(i)}
              >
                <b>{name(k, docs[i]!)}</b>
                <small className="tl-muted">
                  {t('templates.nodes', { count: docs[i]!.nodes.length })}
                </small>
              </li>
            ))}
          </ul>
          <section className="tl-templates-preview" aria-label={t('templates.preview')}>
            <h3>{name(key, doc)}</h3>
            <p>{t(`templates.descriptions.${key}`)}</p>
            <p className="tl-muted">{t('templates.nodes', { count: doc.nodes.length })}</p>
            {doc.nodes.length > 0 && (
              <>
                <FlowMap doc={doc} label={t('templates.map')} />
                <ul className="tl-templates-nodes">
                  {doc.nodes
                    .filter((n) => n.type !== 'note')
                    .slice(0, LISTED_NODES)
                    .map((n) => (
                      <li key={n.id}>
                        <span className="tl-muted">{t(`nodes.${n.type}.label`)}:</span>{' '}
                        {displayName(n)}
                      </li>
                    ))}
                  {doc.nodes.length > LISTED_NODES && (
                    <li className="tl-muted">
                      {t('templates.more', {
                        count: doc.nodes.filter((n) => n.type !== 'note').length - LISTED_NODES,
                      })}
                    </li>
                  )}
                </ul>
              </>
            )}
          </section>
        </div>
        <p className="tl-muted tl-templates-keys">{t('templates.keys')}</p>
        <div className="tl-dialog-buttons">
          <button type="button" onClick={close}>
            {t('dialogs.cancel')}
          </button>
          <button type="button" className="tl-danger" onClick={() => create(active)}>
            {t('templates.create')}
          </button>
        </div>
      </div>
    </div>
  );
}
