import type { ProctorPlace } from '@logicode/contracts';

/** What the detectors report; the session turns each into a stamped event with a UUID. */
export type Detected =
  | { type: 'tab_hidden'; data: Record<string, never> }
  | { type: 'tab_visible'; data: { hiddenMs?: number } }
  | { type: 'window_blur'; data: Record<string, never> }
  | { type: 'window_focus'; data: { blurredMs?: number } }
  | { type: 'paste' | 'copy' | 'cut'; data: { length: number; place: ProctorPlace } }
  | { type: 'right_click'; data: { place: ProctorPlace } }
  | { type: 'devtools_shortcut'; data: { key: string } }
  | { type: 'fullscreen_enter' | 'fullscreen_exit' | 'idle_start'; data: Record<string, never> }
  | { type: 'idle_end'; data: { idleMs: number } };

function placeOf(target: EventTarget | null): ProctorPlace {
  const el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  if (el?.closest('.monaco-editor, .code-editor')) return 'editor';
  if (el?.closest('.statement')) return 'statement';
  return 'other';
}

/** F12, Ctrl+Shift+I/J/C, Ctrl+U, and the macOS Cmd+Opt+I/J/C the original missed. */
function devtoolsKey(e: KeyboardEvent): string | null {
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  if (key === 'F12') return 'F12';
  if (e.ctrlKey && e.shiftKey && ['I', 'J', 'C'].includes(key)) return `Ctrl+Shift+${key}`;
  if (e.metaKey && e.altKey && ['I', 'J', 'C'].includes(key)) return `Cmd+Alt+${key}`;
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && key === 'U') return 'Ctrl+U';
  return null;
}

/**
 * Installs every detector on the page and returns the uninstaller. Nothing is blocked: students may
 * right-click or select text; the events are facts for a teacher to read, not traps.
 */
export function installDetectors(report: (d: Detected) => void, options: { idleLimitMs: number }): () => void {
  let hiddenAt: number | null = document.hidden ? Date.now() : null;
  let blurredAt: number | null = null;
  let lastActivity = Date.now();
  let idleSince: number | null = null;

  const onVisibility = () => {
    if (document.hidden) {
      hiddenAt = Date.now();
      report({ type: 'tab_hidden', data: {} });
    } else {
      report({ type: 'tab_visible', data: hiddenAt ? { hiddenMs: Date.now() - hiddenAt } : {} });
      hiddenAt = null;
    }
  };
  const onBlur = () => {
    blurredAt = Date.now();
    report({ type: 'window_blur', data: {} });
  };
  const onFocus = () => {
    report({ type: 'window_focus', data: blurredAt ? { blurredMs: Date.now() - blurredAt } : {} });
    blurredAt = null;
  };
  const onPaste = (e: ClipboardEvent) => report({ type: 'paste', data: { length: e.clipboardData?.getData('text').length ?? 0, place: placeOf(e.target) } });
  const onCopyCut = (e: ClipboardEvent) => {
    const length = window.getSelection()?.toString().length || e.clipboardData?.getData('text').length || 0;
    report({ type: e.type === 'cut' ? 'cut' : 'copy', data: { length, place: placeOf(e.target) } });
  };
  const onContextMenu = (e: MouseEvent) => report({ type: 'right_click', data: { place: placeOf(e.target) } });
  const onKeyDown = (e: KeyboardEvent) => {
    const key = devtoolsKey(e);
    if (key) report({ type: 'devtools_shortcut', data: { key } });
  };
  const onFullscreen = () => report({ type: document.fullscreenElement ? 'fullscreen_enter' : 'fullscreen_exit', data: {} });
  const onActivity = () => {
    lastActivity = Date.now();
    if (idleSince !== null) {
      report({ type: 'idle_end', data: { idleMs: Date.now() - idleSince } });
      idleSince = null;
    }
  };
  const idleTimer = setInterval(() => {
    if (idleSince === null && !document.hidden && Date.now() - lastActivity >= options.idleLimitMs) {
      idleSince = lastActivity;
      report({ type: 'idle_start', data: {} });
    }
  }, 5000);

  const activity = ['keydown', 'mousemove', 'mousedown', 'wheel', 'touchstart'] as const;
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('blur', onBlur);
  window.addEventListener('focus', onFocus);
  document.addEventListener('paste', onPaste, true);
  document.addEventListener('copy', onCopyCut, true);
  document.addEventListener('cut', onCopyCut, true);
  document.addEventListener('contextmenu', onContextMenu, true);
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('fullscreenchange', onFullscreen);
  activity.forEach((name) => document.addEventListener(name, onActivity, { capture: true, passive: true }));
  return () => {
    clearInterval(idleTimer);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('blur', onBlur);
    window.removeEventListener('focus', onFocus);
    document.removeEventListener('paste', onPaste, true);
    document.removeEventListener('copy', onCopyCut, true);
    document.removeEventListener('cut', onCopyCut, true);
    document.removeEventListener('contextmenu', onContextMenu, true);
    document.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('fullscreenchange', onFullscreen);
    activity.forEach((name) => document.removeEventListener(name, onActivity, { capture: true }));
  };
}
