import { useEffect, type RefObject } from 'react';

/**
 * While a modal dialog is open (the overlays render next to the app, not inside it), the app
 * behind it is inert: no focus, no clicks, no keys reach it, as aria-modal promises.
 */
export function useInertBehindModal(app: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = app.current;
    const parent = element?.parentElement;
    if (!element || !parent) return;
    const update = () => {
      const open = [...parent.children].some(
        (child) => child.matches('.tl-overlay') && child.querySelector('[aria-modal="true"]'),
      );
      if (element.inert !== open) element.toggleAttribute('inert', open);
    };
    // Overlays come and go as children of the parent (watching no deeper keeps this cheap).
    const observer = new MutationObserver(update);
    observer.observe(parent, { childList: true });
    update();
    return () => observer.disconnect();
  }, [app]);
}
