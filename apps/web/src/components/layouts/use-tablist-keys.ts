import { useEffect } from 'react';

const KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

function tabsOf(list: Element): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>('[role="tab"]')].filter((tab) => tab.closest('[role="tablist"]') === list && !tab.hasAttribute('disabled'));
}

/** Roving tabindex (WAI-ARIA APG "Tabs"): only the selected tab is in the Tab sequence; arrows move between tabs. */
function applyRovingTabIndex(root: ParentNode): void {
  for (const list of root.querySelectorAll('[role="tablist"]')) {
    const tabs = tabsOf(list);
    const selected = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true') ?? tabs[0];
    for (const tab of tabs) {
      const index = tab === selected ? '0' : '-1';
      if (tab.getAttribute('tabindex') !== index) tab.setAttribute('tabindex', index);
    }
  }
}

/**
 * Keyboard behaviour for every `role="tablist"` in the app, in one place, so each feature's tabs need only the
 * roles and aria-selected: ←/→ (↑/↓ for a vertical list) move to the previous/next tab and select it (automatic
 * activation: the panels here render at once), Home/End the first/last, wrapping around.
 */
export function useTablistKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
      const tab = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[role="tab"]') : null;
      const list = tab?.closest('[role="tablist"]');
      if (!tab || !list) return;
      const vertical = list.getAttribute('aria-orientation') === 'vertical';
      if ((vertical && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) || (!vertical && (e.key === 'ArrowUp' || e.key === 'ArrowDown'))) return;
      const tabs = tabsOf(list);
      const at = tabs.indexOf(tab);
      if (at < 0) return;
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1
        : (at + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1) + tabs.length) % tabs.length;
      e.preventDefault();
      tabs[next]!.focus();
      tabs[next]!.click();
    };
    document.addEventListener('keydown', onKeyDown);
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        applyRovingTabIndex(document);
      });
    });
    applyRovingTabIndex(document);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected'] });
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
