import type { AttemptCounters, Integrity, IntegrityReason, ProctorSettings } from '@logicode/contracts';
import { isPractice } from './practice.js';

interface Penalty {
  code: string;
  count: (c: AttemptCounters, s: ProctorSettings) => number;
  each: number;
  cap: number;
  detail: (n: number) => string;
}

/**
 * Points off 100 per kind of breach, each kind capped so one noisy signal cannot sink the score alone.
 * The weights are ours (no source gives one); the score is for triage, and a teacher decides.
 */
const PENALTIES: readonly Penalty[] = [
  {
    code: 'tab_switches', each: 5, cap: 30,
    count: (c, s) => Math.max(0, c.tabHidden - s.allowedTabSwitches),
    detail: (n) => `${n} tab switch(es) beyond the allowance`,
  },
  { code: 'large_paste', each: 15, cap: 45, count: (c) => c.largePaste, detail: (n) => `${n} large paste(s) into the editor` },
  { code: 'devtools', each: 10, cap: 20, count: (c) => c.devtools, detail: (n) => `${n} developer-tools shortcut(s)` },
  {
    code: 'fullscreen_exit', each: 5, cap: 20,
    count: (c, s) => (s.fullscreenRequired ? c.fullscreenExit : 0),
    detail: (n) => `left required fullscreen ${n} time(s)`,
  },
  { code: 'idle_limit', each: 5, cap: 10, count: (c) => c.longIdle, detail: (n) => `${n} idle period(s) over the limit` },
  {
    code: 'copy_from_statement', each: 2, cap: 10,
    count: (c) => c.copyFromStatement,
    detail: (n) => `copied from the problem statement ${n} time(s)`,
  },
];

/** Off, or practice (practice.ts): 100, nothing counted against the student. */
export function integrityOf(counters: AttemptCounters, settings: ProctorSettings): Integrity {
  if (!settings.enabled || isPractice(settings)) return { score: 100, reasons: [] };
  const reasons: IntegrityReason[] = [];
  for (const p of PENALTIES) {
    const count = p.count(counters, settings);
    if (count <= 0) continue;
    reasons.push({ code: p.code, count, penalty: Math.min(p.cap, count * p.each), detail: p.detail(count) });
  }
  const lost = reasons.reduce((sum, r) => sum + r.penalty, 0);
  return { score: Math.max(0, 100 - lost), reasons };
}
