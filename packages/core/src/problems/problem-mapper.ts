import {
  checkerSchema, scoringSchema, type Checker, type Scoring, type ProblemAdmin, type ProblemFields, type ProblemLanguage, type ProblemPackage,
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

/** null or unreadable: pass-fail (undefined, so the field is left out). */
export function parseScoring(raw: string | null): Scoring | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = scoringSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.type === 'scored' ? parsed.data : undefined;
  } catch {
    return undefined;
  }
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
    ...(parseScoring(row.scoring) ? { scoring: parseScoring(row.scoring) } : {}),
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
    scoring: fields.scoring?.type === 'scored' ? JSON.stringify(fields.scoring) : null,
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
    ...(row.groupName !== null ? { group: row.groupName } : {}),
    ...(row.transcript !== null ? { transcript: row.transcript } : {}),
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
    tests: tests.map(({ id: _id, ordinal: _o, ...test }) => test),
    solutions,
  };
}
