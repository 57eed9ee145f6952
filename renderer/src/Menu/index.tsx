// A popup menu with the WAI-ARIA menu pattern: role menu and menuitem, the first item focused on
// opening, Up/Down (wrapping), Home/End and a letter move between items, Enter/Space or a click
// picks one, Escape and Tab close it. Closing gives focus back to where it was when it opened.
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

export interface MenuItem {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Shown after the label, and told to assistive technology as aria-keyshortcuts. */
  shortcut?: { shown: string; aria: string };
  onSelect(): void;
}

interface Props {
  label: string;
  items: readonly MenuItem[];
  /** Screen point (client coordinates) of the menu's top left corner. */
  x: number;
  y: number;
  className?: string;
  onClose(): void;
}

export function Menu({ label, items, x, y, className, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const buttons = () => [
    ...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
  ];

  // Remember who had focus before the menu took it, and keep the menu inside the window.
  useLayoutEffect(() => {
    const active = document.activeElement;
    // Run again (StrictMode, a new position), the focus is already on an item: keep the opener.
    if (
      active instanceof HTMLElement &&
      active !== document.body &&
      !root.current?.contains(active)
    )
      opener.current = active;
    const menu = root.current;
    if (menu) {
      const box = menu.getBoundingClientRect();
      menu.style.left = `${Math.max(4, Math.min(x, window.innerWidth - box.width - 4))}px`;
      menu.style.top = `${Math.max(4, Math.min(y, window.innerHeight - box.height - 4))}px`;
    }
    buttons()[0]?.focus();
  }, [x, y]);

  // A press outside closes the menu (focus stays where the press put it).
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  const restoreFocus = () => {
    const target = opener.current;
    if (target?.isConnected) target.focus({ preventScroll: true });
  };
  const close = () => {
    restoreFocus();
    onClose();
  };
  const pick = (item: MenuItem) => {
    restoreFocus();
    onClose();
    item.onSelect();
  };

  const move = (event: React.KeyboardEvent, to: (index: number, count: number) => number) => {
    event.preventDefault();
    const list = buttons();
    const index = list.indexOf(document.activeElement as HTMLElement);
    list[to(index, list.length)]?.focus();
  };

  return (
    <div
      ref={root}
      role="menu"
      aria-label={label}
      className={`tl-popover tl-menu ${className ?? ''}`}
      style={{ left: x, top: y, position: 'fixed' }}
      onKeyDown={(event) => {
        switch (event.key) {
          case 'ArrowDown':
            return move(event, (i, n) => (i + 1) % n);
          case 'ArrowUp':
            return move(event, (i, n) => (i - 1 + n) % n);
          case 'Home':
            return move(event, () => 0);
          case 'End':
            return move(event, (_, n) => n - 1);
          case 'Escape':
          case 'Tab':
            event.preventDefault();
            event.stopPropagation();
            return close();
          default:
            if (
              event.key.length === 1 &&
              /\S/.test(event.key) &&
              !event.ctrlKey &&
              !event.metaKey
            ) {
              // Type-ahead: the next item starting with the letter.
              const letter = event.key.toLowerCase();
              move(event, (i, n) => {
                for (let k = 1; k <= n; k++) {
                  const j = (i + k) % n;
                  if (items[j]?.label.toLowerCase().startsWith(letter)) return j;
                }
                return i;
              });
            }
        }
      }}
    >
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-keyshortcuts={item.shortcut?.aria}
          onClick={() => pick(item)}
        >
          {item.icon}
          <span className="tl-menu-label">{item.label}</span>
          {item.shortcut && (
            <kbd className="tl-menu-shortcut" aria-hidden>
              {item.shortcut.shown}
            </kbd>
          )}
        </button>
      ))}
    </div>
  );
}
