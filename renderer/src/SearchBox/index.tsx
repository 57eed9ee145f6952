// Finds nodes by their text (or id); Enter or a click selects the node and centres it.
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { useUi } from '../hooks/useUi';
import { NODE_CATALOG } from '../nodeTypes/catalog';
import { searchNodes } from './searchNodes';

export function SearchBox() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const open = useUi((s) => s.searchOpen);
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
  const results = useMemo(
    () => (query.trim() ? searchNodes(context.store.getState().doc, query).slice(0, 8) : []),
    [query, context.store],
  );
  const pick = (id: string) => {
    context.store.getState().select([id]);
    context.view?.centreOn(id);
    setOpen(false);
    setQuery('');
  };
  return (
    <div className="tl-search">
      <input
        ref={input}
        type="search"
        placeholder={t('toolbar.searchPlaceholder')}
        aria-label={t('toolbar.searchLabel')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          if (!open) setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          clearTimeout(closing.current);
          closing.current = setTimeout(() => context.ui.getState().set({ searchOpen: false }), 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && results[active]) pick(results[active].id);
          else if (e.key === 'Escape') e.currentTarget.blur();
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
              <b>{t(`nodes.${r.type}.label`)}</b> <span className="tl-muted">{r.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
