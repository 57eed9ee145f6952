// What makes a connection handle usable without a mouse: a tab stop with a role and a name, and
// Enter or Space acting as a click, which React Flow's click-to-connect answers (the first click
// picks the handle an edge starts from, the second the handle it ends at).
import type { KeyboardEvent } from 'react';

function clickOnEnterOrSpace(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  event.stopPropagation();
  event.currentTarget.click();
}

/** Props for a React Flow <Handle> so that it is focusable, named and pressed by keyboard. */
export function handleA11yProps(name: string) {
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': name,
    onKeyDown: clickOnEnterOrSpace,
  } as const;
}
