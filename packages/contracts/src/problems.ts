import { z } from 'zod';
import { checkerSchema } from './judge.js';
import { languageIdSchema } from './languages.js';

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;

export const CATEGORIES = [
  'arrays', 'strings', 'math', 'sorting', 'searching', 'dynamic-programming', 'graphs', 'greedy',
  'stacks-queues', 'trees', 'hashing', 'recursion',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** stdio: the program reads stdin and writes stdout; function: the student writes a function a driver calls. */
export const problemStyleSchema = z.enum(['stdio', 'function']);
export type ProblemStyle = z.infer<typeof problemStyleSchema>;

const slugSchema = z.string().trim().min(2).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes.');
const tagSchema = z.string().trim().min(1).max(40).regex(/^[a-z0-9-]+$/, 'Tags are lower-case words with dashes.');

/** The editable fields of a problem, without its tests and solutions. */
export const problemFieldsSchema = z.object({
  slug: slugSchema,
  title: z.string().trim().min(1).max(200),
  statement: z.string().min(1).max(100_000),
  category: categorySchema,
  difficulty: difficultySchema,
  tags: z.array(tagSchema).max(10).default([]),
  style: problemStyleSchema,
  timeLimitMs: z.number().int().min(100).max(20_000).default(2000),
  memoryLimitKb: z.number().int().min(16_384).max(1_048_576).default(262_144),
  checker: checkerSchema.default({ kind: 'exact' }),
  /** A timed problem: the server-owned clock gives each attempt this long, then submits. null = untimed. */
  timedDurationSec: z.number().int().min(10).max(6 * 3600).nullable().default(null),
  isPublished: z.boolean().default(true),
});
export type ProblemFields = z.infer<typeof problemFieldsSchema>;

export const problemLanguageSchema = z.object({
  language: languageIdSchema,
  starterCode: z.string().max(100_000),
  /** Function-style problems: appended after the student's code; it reads stdin and calls the function. */
  driverCode: z.string().max(100_000).nullable().default(null),
});
export type ProblemLanguage = z.infer<typeof problemLanguageSchema>;

export const testCaseInputSchema = z.object({
  input: z.string().max(8 * 1024 * 1024),
  expectedOutput: z.string().max(8 * 1024 * 1024),
  isSample: z.boolean().default(false),
  weight: z.number().int().min(0).max(1000).default(1),
});
export type TestCaseInput = z.infer<typeof testCaseInputSchema>;

export const testCaseSchema = testCaseInputSchema.extend({ id: z.number().int(), ordinal: z.number().int() });
export type TestCase = z.infer<typeof testCaseSchema>;

export const referenceSolutionSchema = z.object({
  language: languageIdSchema,
  source: z.string().min(1).max(100_000),
});
export type ReferenceSolution = z.infer<typeof referenceSolutionSchema>;

/** One JSON package holds a whole problem: export and import, and the seed data's format. */
export const problemPackageSchema = z.object({
  format: z.literal('logicode-problem@1'),
  problem: problemFieldsSchema,
  languages: z.array(problemLanguageSchema).min(1),
  tests: z.array(testCaseInputSchema).min(1).max(200),
  solutions: z.array(referenceSolutionSchema).default([]),
});
export type ProblemPackage = z.infer<typeof problemPackageSchema>;

/** Admin create and full update: the package without its format tag. */
export const problemUpsertBodySchema = problemPackageSchema.omit({ format: true });
export type ProblemUpsertBody = z.infer<typeof problemUpsertBodySchema>;

export const problemListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  category: categorySchema.optional(),
  difficulty: difficultySchema.optional(),
  /** Comma-separated; a problem must carry every tag. */
  tags: z.string().max(400).optional(),
  solved: z.enum(['true', 'false']).optional(),
  sort: z.enum(['id', 'title', 'difficulty', 'newest', 'popular']).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProblemListQuery = z.infer<typeof problemListQuerySchema>;

export const problemSummarySchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  category: categorySchema,
  difficulty: difficultySchema,
  tags: z.array(z.string()),
  style: problemStyleSchema,
  languages: z.array(languageIdSchema),
  timedDurationSec: z.number().int().nullable(),
  solvedCount: z.number().int(),
  /** null for an anonymous caller. */
  solved: z.boolean().nullable(),
});
export type ProblemSummary = z.infer<typeof problemSummarySchema>;

export const sampleTestSchema = z.object({ id: z.number().int(), input: z.string(), expectedOutput: z.string() });

/** The catalog's part of a problem page: sample tests only, no drivers, no solutions. */
export const problemCatalogDetailSchema = problemSummarySchema.extend({
  statement: z.string(),
  timeLimitMs: z.number().int(),
  memoryLimitKb: z.number().int(),
  checkerKind: z.enum(['exact', 'tokens', 'float', 'custom']),
  starterCode: z.array(z.object({ language: languageIdSchema, starterCode: z.string() })),
  sampleTests: z.array(sampleTestSchema),
  hiddenTestCount: z.number().int(),
  isPublished: z.boolean(),
});
export type ProblemCatalogDetail = z.infer<typeof problemCatalogDetailSchema>;

/** What a student sees on a problem page. */
export const problemDetailSchema = problemCatalogDetailSchema.extend({
  /** Whether attempts at this problem are proctored (the effective global or per-problem setting). */
  proctored: z.boolean(),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

/** What an admin sees: everything. */
export const problemAdminSchema = problemFieldsSchema.extend({
  id: z.number().int(),
  languages: z.array(problemLanguageSchema),
  tests: z.array(testCaseSchema),
  solutions: z.array(referenceSolutionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set when archived: hidden from students and new assessments, everything that refers to it kept. */
  archivedAt: z.string().nullable(),
});
export type ProblemAdmin = z.infer<typeof problemAdminSchema>;

/** GET /api/admin/problems/archived: what an admin may restore or purge. */
export const archivedProblemSchema = z.object({ id: z.number().int(), slug: z.string(), title: z.string(), archivedAt: z.string() });
export type ArchivedProblem = z.infer<typeof archivedProblemSchema>;
