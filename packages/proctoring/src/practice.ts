import type { ProctorSettings } from '@logicode/contracts';

/**
 * The rules one attempt is judged by. `practice`: an untimed problem opened outside an assessment. Practice is
 * observed, never judged (issue 14): its events are stored and counted, but every severity is at most `low`, no
 * flag is raised and the integrity score stays 100, so practising never looks like cheating in an exam.
 * Never on the wire: the settings store adds it (settings-store.ts `forAttempt`).
 */
export type JudgedRules = ProctorSettings & { practice?: boolean };

/** The same settings, applied as practice. */
export function practiceRules(settings: ProctorSettings): JudgedRules {
  return { ...settings, practice: true };
}

export function isPractice(settings: ProctorSettings): boolean {
  return (settings as JudgedRules).practice === true;
}
