import type { LanguageId } from '@logicode/contracts';

/** A judged Submit, without its code (the selection reads many; sources are loaded for the chosen few). */
export interface CandidateSubmission {
  id: number;
  userId: number;
  language: LanguageId;
  verdict: string | null;
}

/**
 * What counts for plagiarism (issue 6): per student, the latest accepted Submit of the problem, else the latest
 * Submit. One per student, so a student's own resubmissions never pair with each other. `rows` in any order.
 */
export function selectCounted(rows: readonly CandidateSubmission[]): CandidateSubmission[] {
  const latest = new Map<number, CandidateSubmission>();
  const latestAccepted = new Map<number, CandidateSubmission>();
  for (const row of rows) {
    const seen = latest.get(row.userId);
    if (!seen || row.id > seen.id) latest.set(row.userId, row);
    if (row.verdict !== 'AC') continue;
    const seenAc = latestAccepted.get(row.userId);
    if (!seenAc || row.id > seenAc.id) latestAccepted.set(row.userId, row);
  }
  return [...latest.values()].map((row) => latestAccepted.get(row.userId) ?? row).sort((a, b) => a.id - b.id);
}
