import { z } from 'zod';

/**
 * GET /api/problems/stats: how often each published problem's submissions were accepted (the catalog's acceptance
 * rate, as on LeetCode: accepted submissions over all finished submissions), and, for a signed-in caller, the problems
 * they have submitted to (so the list can show "attempted" beside "solved"), and how common each tag is. Counts may trail
 * by up to a minute.
 */
export const problemStatSchema = z.object({
  id: z.number().int(),
  /** Finished Submits (Runs do not count). */
  submissions: z.number().int(),
  accepted: z.number().int(),
});
export const problemStatsSchema = z.object({
  problems: z.array(problemStatSchema),
  /** How many published problems carry each tag: the list shows the most used first and folds the rest. */
  tagCounts: z.record(z.string(), z.number().int()),
  /** Ids of the problems the caller submitted to (solved or not); null for an anonymous caller. */
  attempted: z.array(z.number().int()).nullable(),
});
export type ProblemStat = z.infer<typeof problemStatSchema>;
export type ProblemStats = z.infer<typeof problemStatsSchema>;
