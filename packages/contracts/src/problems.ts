import { z } from 'zod';
import { checkerKindSchema, checkerSchema, scoringSchema } from './judge.js';
import { languageIdSchema } from './languages.js';

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;

/** The categories offered to start with; an author may add others (any lower-case words with dashes). */
export const CATEGORIES = [
  'arrays', 'strings', 'math', 'sorting', 'searching', 'dynamic-programming', 'graphs', 'greedy',
  'stacks-queues', 'trees', 'hashing', 'recursion',
] as const;
export const categorySchema = z.string().trim().toLowerCase().min(2, 'A category needs at least 2 characters.').max(40, 'A category has at most 40 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes, e.g. bit-manipulation.');
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
  /** Absent: pass-fail. Scored: the test groups and their points (each test names its group). */
  scoring: scoringSchema.optional(),
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
  /** Its group in `scoring.groups` (scored problems); absent or null: in no group (a sample worth no points). */
  group: z.string().max(64).nullable().optional(),
  /**
   * Interactive problems' samples: the exchange shown to students instead of input and output, in the package
   * format's `.interaction` form (`<` lines the validator sends, `>` lines the program answers). Taken from the
   * package's `.interaction` file, or recorded by running a reference solution (the judge's TestResult.transcript).
   */
  transcript: z.string().max(1_000_000).nullable().optional(),
});
export type TestCaseInput = z.infer<typeof testCaseInputSchema>;

export const testCaseSchema = testCaseInputSchema.extend({ id: z.number().int(), ordinal: z.number().int() });
export type TestCase = z.infer<typeof testCaseSchema>;

export const referenceSolutionSchema = z.object({
  language: languageIdSchema,
  source: z.string().min(1).max(100_000),
});
export type ReferenceSolution = z.infer<typeof referenceSolutionSchema>;

/**
 * One JSON package holds a whole problem: export and import, and the seed data's format. A `custom` checker in a
 * package written before the package-format validators (no `protocol`) is the legacy 0/1 protocol: see
 * `markLegacyCheckers`, applied by the import route and the seed loader before parsing.
 */
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

export const sampleTestSchema = z.object({
  id: z.number().int(),
  input: z.string(),
  expectedOutput: z.string(),
  /** Interactive problems: the exchange to show instead of input and output. */
  transcript: z.string().nullable().optional(),
});

/** The catalog's part of a problem page: sample tests only, no drivers, no solutions. */
export const problemCatalogDetailSchema = problemSummarySchema.extend({
  statement: z.string(),
  timeLimitMs: z.number().int(),
  memoryLimitKb: z.number().int(),
  checkerKind: checkerKindSchema,
  /** Scored problems: the groups and their points (tests' membership stays hidden). Absent: pass-fail. */
  scoring: scoringSchema.optional(),
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

/**
 * A JSON package (logicode-problem@1) made before migration 0180 has custom checkers without `protocol`; they
 * speak the legacy protocol (exit 0/1), so mark them before parsing, where the default would be 'package'.
 */
export function markLegacyCheckers<T>(raw: T): T {
  if (typeof raw !== 'object' || raw === null) return raw;
  const pkg = raw as { problem?: { checker?: Record<string, unknown> } };
  const checker = pkg.problem?.checker;
  if (!checker || checker.kind !== 'custom' || 'protocol' in checker) return raw;
  return { ...pkg, problem: { ...pkg.problem, checker: { ...checker, protocol: 'legacy' } } } as T;
}

/** Why a problem's scoring and its tests' groups do not fit together (empty: they do). */
export function scoringProblems(scoring: z.infer<typeof scoringSchema> | undefined, tests: { group?: string | null }[]): string[] {
  const problems: string[] = [];
  const groups = new Set((scoring?.groups ?? []).map((g) => g.name));
  if (groups.size !== (scoring?.groups ?? []).length) problems.push('Two test groups have the same name.');
  if (scoring?.type !== 'scored') {
    if (tests.some((t) => t.group)) problems.push('Tests name groups, but the problem is not scored.');
    return problems;
  }
  if (groups.size === 0) problems.push('A scored problem needs at least one test group.');
  for (const [i, t] of tests.entries()) {
    if (t.group && !groups.has(t.group)) problems.push(`Test ${i + 1} names the unknown group "${t.group}".`);
  }
  for (const name of groups) {
    if (!tests.some((t) => t.group === name)) problems.push(`The group "${name}" has no tests.`);
  }
  return problems;
}
