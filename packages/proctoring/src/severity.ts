import type { ProctorEventInput, ProctorSettings, ProctorSeverity } from '@logicode/contracts';
import { isPractice } from './practice.js';

/** A paste this long is worth a look even under the large-paste size (the original used >50 for a warning). */
const NOTABLE_PASTE_CHARS = 50;

/**
 * Decided here, never taken from the client (original-logicode.md B40). In practice (practice.ts) nothing is
 * more than `low`: an observation, not a breach.
 */
export function severityOf(event: ProctorEventInput, settings: ProctorSettings): ProctorSeverity {
  const severity = examSeverityOf(event, settings);
  return isPractice(settings) && severity !== 'info' ? 'low' : severity;
}

function examSeverityOf(event: ProctorEventInput, settings: ProctorSettings): ProctorSeverity {
  switch (event.type) {
    case 'tab_hidden':
      return 'medium';
    case 'window_blur':
    case 'right_click':
      return 'low';
    case 'paste':
      if (event.data.place !== 'editor') return 'low';
      if (event.data.length >= settings.largePasteChars) return 'high';
      return event.data.length >= NOTABLE_PASTE_CHARS ? 'medium' : 'low';
    case 'copy':
    case 'cut':
      return event.data.place === 'statement' ? 'medium' : 'low';
    case 'devtools_shortcut':
      return 'high';
    case 'fullscreen_exit':
      return settings.fullscreenRequired ? 'medium' : 'low';
    case 'idle_end':
      return isLongIdle(event.data.idleMs, settings) ? 'medium' : 'low';
    case 'tab_visible':
    case 'window_focus':
    case 'fullscreen_enter':
    case 'idle_start':
    case 'code_snapshot':
      return 'info';
  }
}

export function isLongIdle(idleMs: number, settings: ProctorSettings): boolean {
  return settings.idleLimitSec !== null && idleMs > settings.idleLimitSec * 1000;
}

const RANK: Record<ProctorSeverity, number> = { info: 0, low: 1, medium: 2, high: 3 };

export function severityRank(severity: ProctorSeverity): number {
  return RANK[severity];
}

/** Severities at or above `min`, e.g. for a `minSeverity` filter. */
export function severitiesAtLeast(min: ProctorSeverity): ProctorSeverity[] {
  return (Object.keys(RANK) as ProctorSeverity[]).filter((s) => RANK[s] >= RANK[min]);
}
