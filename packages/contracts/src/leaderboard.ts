import { z } from 'zod';
import { categorySchema, difficultySchema } from './problems.js';

export const leaderboardRowSchema = z.object({
  rank: z.number().int(),
  userId: z.number().int(),
  name: z.string(),
  solvedCount: z.number().int(),
  /** easy 10, medium 20, hard 40 per solved problem. */
  points: z.number().int(),
  lastSolvedAt: z.string(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export const leaderboardPageSchema = z.object({
  items: z.array(leaderboardRowSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** The caller's own row, wherever it ranks; null when anonymous or not ranked yet. */
  me: leaderboardRowSchema.nullable(),
});
export type LeaderboardPage = z.infer<typeof leaderboardPageSchema>;

export const progressSchema = z.object({
  solvedCount: z.number().int(),
  totalProblems: z.number().int(),
  points: z.number().int(),
  byCategory: z.array(z.object({ category: categorySchema, solved: z.number().int(), total: z.number().int() })),
  byDifficulty: z.array(z.object({ difficulty: difficultySchema, solved: z.number().int(), total: z.number().int() })),
  recent: z.array(z.object({ problemId: z.number().int(), title: z.string(), difficulty: difficultySchema, solvedAt: z.string() })),
});
export type Progress = z.infer<typeof progressSchema>;
