import { z } from 'zod';

/** Accepted, Wrong Answer, Time/Memory/Output Limit Exceeded, Runtime Error, Compile Error, Internal Error. */
export const VERDICTS = ['AC', 'WA', 'TLE', 'MLE', 'OLE', 'RE', 'CE', 'IE'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** Which verdict heads a submission when its tests disagree (DMOJ's display order): first match wins. */
export const VERDICT_ORDER: readonly Verdict[] = ['IE', 'CE', 'TLE', 'MLE', 'OLE', 'RE', 'WA', 'AC'];

export const VERDICT_LABELS: Record<Verdict, string> = {
  AC: 'Accepted',
  WA: 'Wrong Answer',
  TLE: 'Time Limit Exceeded',
  MLE: 'Memory Limit Exceeded',
  OLE: 'Output Limit Exceeded',
  RE: 'Runtime Error',
  CE: 'Compile Error',
  IE: 'Internal Error',
};

/** The headline verdict of a set of test verdicts; AC for an empty set. */
export function headlineVerdict(verdicts: readonly Verdict[]): Verdict {
  return VERDICT_ORDER.find((v) => verdicts.includes(v)) ?? 'AC';
}
