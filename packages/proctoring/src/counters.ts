import type { AttemptCounters, ProctorEventInput, ProctorSettings } from '@logicode/contracts';
import { isLongIdle } from './severity.js';

export function emptyCounters(): AttemptCounters {
  return {
    events: 0, tabHidden: 0, hiddenMs: 0, windowBlur: 0, paste: 0, pasteChars: 0, largePaste: 0,
    pasteOutsideEditor: 0, copy: 0, cut: 0, copyFromStatement: 0, rightClick: 0, devtools: 0,
    fullscreenExit: 0, idle: 0, idleMs: 0, longIdle: 0, snapshots: 0,
  };
}

/** Counters after one more event. Pure: returns a new object. */
export function foldEvent(
  before: AttemptCounters,
  event: ProctorEventInput,
  settings: ProctorSettings,
): AttemptCounters {
  const c = { ...before, events: before.events + 1 };
  switch (event.type) {
    case 'tab_hidden':
      c.tabHidden += 1;
      break;
    case 'tab_visible':
      c.hiddenMs += event.data.hiddenMs ?? 0;
      break;
    case 'window_blur':
      c.windowBlur += 1;
      break;
    case 'paste':
      c.paste += 1;
      c.pasteChars += event.data.length;
      if (event.data.place !== 'editor') c.pasteOutsideEditor += 1;
      else if (event.data.length >= settings.largePasteChars) c.largePaste += 1;
      break;
    case 'copy':
    case 'cut':
      c[event.type] += 1;
      if (event.data.place === 'statement') c.copyFromStatement += 1;
      break;
    case 'right_click':
      c.rightClick += 1;
      break;
    case 'devtools_shortcut':
      c.devtools += 1;
      break;
    case 'fullscreen_exit':
      c.fullscreenExit += 1;
      break;
    case 'idle_start':
      c.idle += 1;
      break;
    case 'idle_end':
      c.idleMs += event.data.idleMs;
      if (isLongIdle(event.data.idleMs, settings)) c.longIdle += 1;
      break;
    case 'code_snapshot':
      c.snapshots += 1;
      break;
    case 'window_focus':
    case 'fullscreen_enter':
      break;
  }
  return c;
}

/** Adds stored counters (e.g. read back from a JSON column) onto a complete zeroed set. */
export function normaliseCounters(value: Partial<Record<keyof AttemptCounters, unknown>> | null | undefined): AttemptCounters {
  const counters = emptyCounters();
  if (!value) return counters;
  for (const key of Object.keys(counters) as (keyof AttemptCounters)[]) {
    const n = value[key];
    if (typeof n === 'number' && Number.isFinite(n)) counters[key] = Math.trunc(n);
  }
  return counters;
}
