// Finds nodes by their text (or id); Enter or a click selects the node, centres it and gives it
// focus. Opened by the node menu's "Connect … to…", it picks the node that output connects to.
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { useUi } from '../hooks/useUi';
import { NODE_CATALOG } from '../nodeTypes/catalog';
import { connectCommand } from '../commands/connectTo';
import { runCommand } from '../commands/runCommand';
import { hasInputHandle } from '../../../flows';
import { searchNodes } from './searchNodes';

export function SearchBox() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const open = useUi((s) => s.searchOpen);
  const connectFrom = useUi((s) => s.connectFrom);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Closing waits a moment after blur (a click on a result blurs first); focusing again or typing
  // must not be undone by that late close.
  const closing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const setOpen = (searchOpen: boolean) => {
    clearTimeout(closing.current);
    context.ui.getState().set({ searchOpen });
  };
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const results = useMemo(() => {
    if (!query.trim()) return [];
    const found = searchNodes(context.store.getState().doc, query);
    // Connecting: only nodes an edge can go into, and not the node it comes from.
    const targets = connectFrom
      ? found.filter((r) => r.id !== connectFrom.source && hasInputHandle(r.type))
      : found;
    return targets.slice(0, 8);
  }, [query, context.store, connectFrom]);
  const pick = (id: string) => {
    if (connectFrom) {
      const { source, sourceHandle } = connectFrom;
      void runCommand(context, connectCommand({ source, sourceHandle, target: id }));
      context.store.getState().select([source]);
      context.ui.getState().set({ connectFrom: null });
      context.view?.reveal(source);
      context.view?.focusNode(source);
    } else {
      context.store.getState().select([id]);
      context.view?.centreOn(id);
      context.view?.focusNode(id);
    }
    setOpen(false);
    setQuery('');
  };
  const label = connectFrom
    ? t('keyboard.connectSearch', { label: connectFrom.label })
    : t('toolbar.searchLabel');
  return (
    <div className="tl-search">
      <input
        ref={input}
        type="search"
        placeholder={connectFrom ? label : t('toolbar.searchPlaceholder')}
        aria-label={label}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          if (!open) setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          clearTimeout(closing.current);
          closing.current = setTimeout(
            () => context.ui.getState().set({ searchOpen: false, connectFrom: null }),
            150,
          );
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && results[active]) pick(results[active].id);
          else if (e.key === 'Escape') {
            const from = connectFrom?.source;
            e.currentTarget.blur();
            // Cancelling a connection gives focus back to the node it started from.
            if (from) {
              context.ui.getState().set({ connectFrom: null });
              context.view?.reveal(from);
              context.view?.focusNode(from);
            }
          }
        }}
      />
      {open && results.length > 0 && (
        <ul
          className="tl-popover tl-search-results"
          role="listbox"
          aria-label={t('toolbar.searchResults')}
        >
          {results.map((r, i) => (
            <li
              key={r.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(r.id);
              }}
            >
              <Icon name={NODE_CATALOG[r.type].icon} size={14} />{' '}
              <b>{t(`nodes.${r.type}.label`)}</b> {r.name}{' '}
              {r.text && <span className="tl-muted">{r.text}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
