import type {
  AttemptCounters, BreachAction, FlagRule, ProctorEventInput, ProctorSettings,
} from '@logicode/contracts';
import { emptyCounters, foldEvent } from './counters.js';
import { isPractice } from './practice.js';
import { isLongIdle } from './severity.js';

/** After the first tab-switch flag, another one every this many further switches (not one per switch). */
export const TAB_SWITCH_REFLAG_EVERY = 5;

/** A flag before it is stored. `key` is unique per attempt, so re-processing a batch adds no second flag. */
export interface FlagDraft {
  key: string;
  rule: FlagRule;
  reason: string;
  severity: 'medium' | 'high';
  action: BreachAction;
  eventId: string;
}

export interface RulesResult {
  counters: AttemptCounters;
  flags: FlagDraft[];
}

/**
 * Folds events (in order) into the attempt's counters and returns the flags they raise under the rules.
 * With proctoring off, or in practice (practice.ts), counters still move (they are facts) but nothing is flagged.
 */
export function applyEvents(
  before: AttemptCounters | null,
  events: readonly ProctorEventInput[],
  settings: ProctorSettings,
): RulesResult {
  let counters = before ?? emptyCounters();
  const flags: FlagDraft[] = [];
  const judged = settings.enabled && !isPractice(settings);
  for (const event of events) {
    const next = foldEvent(counters, event, settings);
    if (judged) {
      const draft = breachOf(event, next, settings);
      if (draft) flags.push({ ...draft, action: settings.actionOnBreach, eventId: event.id });
    }
    counters = next;
  }
  return { counters, flags };
}

type Breach = Omit<FlagDraft, 'action' | 'eventId'>;

function breachOf(event: ProctorEventInput, after: AttemptCounters, settings: ProctorSettings): Breach | null {
  switch (event.type) {
    case 'tab_hidden': {
      const over = after.tabHidden - settings.allowedTabSwitches;
      if (over < 1 || (over - 1) % TAB_SWITCH_REFLAG_EVERY !== 0) return null;
      return {
        key: `tab_switches:${after.tabHidden}`,
        rule: 'tab_switches',
        severity: 'medium',
        reason: `Left the problem page ${after.tabHidden} times (allowed: ${settings.allowedTabSwitches}).`,
      };
    }
    case 'paste':
      if (event.data.place !== 'editor' || event.data.length < settings.largePasteChars) return null;
      return {
        key: `large_paste:${event.id}`,
        rule: 'large_paste',
        severity: 'high',
        reason: `Pasted ${event.data.length} characters into the editor (large from ${settings.largePasteChars}).`,
      };
    case 'devtools_shortcut':
      return {
        key: `devtools:${event.id}`,
        rule: 'devtools',
        severity: 'high',
        reason: `Pressed a developer-tools shortcut (${event.data.key}).`,
      };
    case 'fullscreen_exit':
      if (!settings.fullscreenRequired) return null;
      return {
        key: `fullscreen_exit:${event.id}`,
        rule: 'fullscreen_exit',
        severity: 'medium',
        reason: `Left fullscreen (${after.fullscreenExit} times so far); fullscreen is required.`,
      };
    case 'idle_end':
      if (!isLongIdle(event.data.idleMs, settings)) return null;
      return {
        key: `idle_limit:${event.id}`,
        rule: 'idle_limit',
        severity: 'medium',
        reason: `Idle for ${Math.round(event.data.idleMs / 1000)} s (limit ${settings.idleLimitSec} s).`,
      };
    default:
      return null;
  }
}
