import {
  checkerSchema, type Checker, type ProblemAdmin, type ProblemFields, type ProblemLanguage, type ProblemPackage,
  type ReferenceSolution, type TestCase,
} from '@logicode/contracts';
import type { ProblemRow, TestCaseRow } from '@logicode/db';

export function parseTags(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export function parseChecker(raw: string): Checker {
  const parsed = checkerSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : { kind: 'exact' };
}

export function toFields(row: ProblemRow): ProblemFields {
  return {
    slug: row.slug,
    title: row.title,
    statement: row.statement,
    category: row.category as ProblemFields['category'],
    difficulty: row.difficulty,
    tags: parseTags(row.tags),
    style: row.style,
    timeLimitMs: row.timeLimitMs,
    memoryLimitKb: row.memoryLimitKb,
    checker: parseChecker(row.checker),
    timedDurationSec: row.timedDurationSec,
    isPublished: Boolean(row.isPublished),
  };
}

/** Column values of a problem row from its fields. */
export function fieldsToRow(fields: ProblemFields) {
  return {
    slug: fields.slug,
    title: fields.title,
    statement: fields.statement,
    category: fields.category,
    difficulty: fields.difficulty,
    tags: JSON.stringify(fields.tags),
    style: fields.style,
    timeLimitMs: fields.timeLimitMs,
    memoryLimitKb: fields.memoryLimitKb,
    checker: JSON.stringify(fields.checker),
    timedDurationSec: fields.timedDurationSec,
    isPublished: fields.isPublished ? 1 : 0,
  };
}

export function toTestCase(row: TestCaseRow): TestCase {
  return {
    id: row.id,
    ordinal: row.ordinal,
    input: row.input,
    expectedOutput: row.expectedOutput,
    isSample: Boolean(row.isSample),
    weight: row.weight,
  };
}

export function toAdmin(
  row: ProblemRow,
  parts: { languages: ProblemLanguage[]; tests: TestCase[]; solutions: ReferenceSolution[] },
): ProblemAdmin {
  return {
    ...toFields(row),
    id: row.id,
    ...parts,
    createdAt: new Date(row.createdAtMs).toISOString(),
    updatedAt: new Date(row.updatedAtMs).toISOString(),
    archivedAt: row.archivedAtMs === null ? null : new Date(Number(row.archivedAtMs)).toISOString(),
  };
}

export function toPackage(admin: ProblemAdmin): ProblemPackage {
  const { id: _id, createdAt: _c, updatedAt: _u, archivedAt: _a, languages, tests, solutions, ...problem } = admin;
  return {
    format: 'logicode-problem@1',
    problem,
    languages,
    tests: tests.map(({ input, expectedOutput, isSample, weight }) => ({ input, expectedOutput, isSample, weight })),
    solutions,
  };
}
