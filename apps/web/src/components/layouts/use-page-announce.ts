import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const APP = 'LogiCode';
/** How long a page may take to show its heading (lazy chunk + first data) before focus goes to <main> instead. */
const HEADING_WAIT_MS = 4000;

/** The heading's words without its badges ("Unit 2 test" rather than "Unit 2 test published"). */
function headingText(h1: HTMLElement): string {
  let text = '';
  for (const node of h1.childNodes) {
    if (node instanceof HTMLElement && (node.classList.contains('badge') || node.getAttribute('aria-hidden') === 'true')) continue;
    text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every page gets its own title ("Two Sum · LogiCode") from its <h1>, kept current as the heading's data loads, so
 * new pages need no extra code; a page can set `data-page-title` on its h1 to say it differently. After a
 * navigation (a new path, not a new tab or filter in the query), focus moves to the new page's heading, as
 * screen-reader users expect from a single-page app (nothing else tells them the page changed) — unless the page
 * already put focus somewhere itself (an editor, a form field).
 */
export function usePageAnnounce(main: React.RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    const root = main.current;
    if (!root) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const h1 = root.querySelector<HTMLElement>('h1');
      const named = h1?.dataset.pageTitle ?? (h1 ? headingText(h1) : '');
      const title = pathname === '/' || !named ? APP : `${named} · ${APP}`;
      if (document.title !== title) document.title = title;
    };
    update();
    // Coalesced to one read per frame: the editor's typing mutates the DOM under <main> too.
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(update);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [main, pathname]);

  useEffect(() => {
    if (first.current) {
      first.current = false; // a fresh load: the browser starts at the top of the document, as it should
      return;
    }
    const root = main.current;
    if (!root) return;
    const started = performance.now();
    const movable = () => {
      const active = document.activeElement;
      return !active || active === document.body || active === root || !!active.closest('header, [data-menu]') || !active.isConnected;
    };
    const focusHeading = (): boolean => {
      const h1 = root.querySelector<HTMLElement>('h1');
      if (!h1) return false;
      if (movable()) {
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: true });
      }
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
      else if (performance.now() - started > HEADING_WAIT_MS) {
        observer.disconnect();
        if (movable()) root.focus({ preventScroll: true });
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      if (!root.querySelector('h1') && movable()) root.focus({ preventScroll: true });
    }, HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [main, pathname]);
}
