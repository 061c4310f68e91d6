import {
  DEFAULT_PROCTOR_SETTINGS, type ProblemProctorSettings, type ProctorSettings,
} from '@logicode/contracts';

/** The rules in force for one problem: its overrides on top of the global settings. */
export function effectiveSettings(
  global: ProctorSettings | null | undefined,
  problem: ProblemProctorSettings | null | undefined,
): ProctorSettings {
  const base = global ?? DEFAULT_PROCTOR_SETTINGS;
  const merged: ProctorSettings = { ...base };
  if (problem) {
    for (const [key, value] of Object.entries(problem)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}
