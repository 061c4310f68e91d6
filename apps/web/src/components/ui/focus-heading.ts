/** How long to wait for the next view's heading (a lazy chunk, the first data) before giving up. */
const WAIT_MS = 4000;

/**
 * After a button that replaces the view (consent given, the clock started) the button is gone and focus would fall
 * to <body>: a screen-reader user hears nothing and a keyboard user starts again at the top. This moves focus to the
 * heading of what replaced it, as soon as one appears in <main> (any <h1> other than `previous`).
 */
export function focusNextHeading(previous: Element | null = document.querySelector('main h1')): void {
  const main = document.querySelector('main') ?? document.body;
  const attempt = (): boolean => {
    const h1 = [...main.querySelectorAll<HTMLElement>('h1')].find((h) => h !== previous && h.isConnected);
    if (!h1) return false;
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: false });
    return true;
  };
  if (attempt()) return;
  const observer = new MutationObserver(() => {
    if (attempt()) stop();
  });
  const timer = setTimeout(() => stop(), WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
}
