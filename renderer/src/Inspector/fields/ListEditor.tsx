// A list whose items can be added, removed and moved up or down.
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

interface Props<T> {
  label: string;
  items: readonly T[];
  onChange(items: T[]): void;
  render(item: T, index: number): ReactNode;
  create?(): T;
  addLabel?: string;
  max?: number;
  /** Extra add buttons (e.g. one per block type). */
  adders?: { label: string; create(): T }[];
}

export function ListEditor<T>({
  label,
  items,
  onChange,
  render,
  create,
  addLabel,
  max,
  adders,
}: Props<T>) {
  const { t } = useTranslation();
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    if (item !== undefined) next.splice(to, 0, item);
    onChange(next);
  };
  const full = max !== undefined && items.length >= max;
  return (
    <fieldset className="tl-list">
      <legend>
        {label}
        {max !== undefined && (
          <span className="tl-muted">
            {' '}
            {items.length}/{max}
          </span>
        )}
      </legend>
      {items.map((item, i) => (
        <div key={i} className="tl-list-item">
          <div className="tl-list-body">{render(item, i)}</div>
          <div className="tl-list-controls">
            <button
              type="button"
              aria-label={t('fields.moveUp', { label, index: i + 1 })}
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t('fields.moveDown', { label, index: i + 1 })}
              disabled={i === items.length - 1}
              onClick={() => move(i, i + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={t('fields.remove', { label, index: i + 1 })}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        </div>
      ))}
      <div className="tl-list-adders">
        {create && (
          <button type="button" disabled={full} onClick={() => onChange([...items, create()])}>
            + {addLabel ?? t('fields.add', { label })}
          </button>
        )}
        {adders?.map((a) => (
          <button
            key={a.label}
            type="button"
            disabled={full}
            onClick={() => onChange([...items, a.create()])}
          >
            + {a.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
