import {
  AppError, LANGUAGES, CATEGORIES, DIFFICULTIES, type LanguageId, type ProblemAdmin, type ProblemCatalogDetail,
  type ProblemListQuery, type ProblemPackage, type ProblemUpsertBody, type ReferenceSolution, type TestCase,
  type TestCaseInput,
} from '@logicode/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '@logicode/db';
import { isStaff, type Actor, type CoreDeps } from '../context.js';
import { fieldsToRow, parseTags, toAdmin, toFields, toPackage, toTestCase } from './problem-mapper.js';
import { cachedProblemDetail, cachedProblemDetailJson, cachedProblemList, cachedProblemListJson } from './problem-cache.js';
import { createProblemJson } from './problem-json.js';
import { problemStats } from './problem-stats.js';
import { checkProblemShape } from './problem-rules.js';
import { createProblemArchive } from './problem-archive.js';

/** A reference solution that failed a test, as reported by the judge. */
export interface ProblemValidationFailure {
  language: LanguageId;
  /** 1-based test number, or null when the solution did not compile. */
  testNumber: number | null;
  verdict: string;
  message: string;
}

/** Runs every reference solution on every test (the worker does it; core only asks). */
export type ProblemValidator = (problem: ProblemUpsertBody) => Promise<ProblemValidationFailure[]>;

export type ProblemsService = ReturnType<typeof createProblemsService>;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint/.test(e?.message ?? '');
}

export function createProblemsService(deps: CoreDeps, options: { validator?: ProblemValidator | undefined } = {}) {
  const { db } = deps.db;
  const { clock } = deps;

  async function loadAdmin(id: number, trx: Kysely<Database> = db): Promise<ProblemAdmin> {
    const row = await trx.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'No such problem.');
    const [languages, tests, solutions] = await Promise.all([
      trx.selectFrom('problemLanguages').selectAll().where('problemId', '=', id).orderBy('language').execute(),
      trx.selectFrom('testCases').selectAll().where('problemId', '=', id).orderBy('ordinal').orderBy('id').execute(),
      trx.selectFrom('referenceSolutions').selectAll().where('problemId', '=', id).orderBy('language').execute(),
    ]);
    return toAdmin(row, {
      languages: languages.map((l) => ({ language: l.language as LanguageId, starterCode: l.starterCode, driverCode: l.driverCode })),
      tests: tests.map(toTestCase),
      solutions: solutions.map((s) => ({ language: s.language as LanguageId, source: s.source })),
    });
  }

  /** The public detail of any problem (published or not), the same for every caller; null if there is none. */
  async function loadDetail(id: number): Promise<ProblemCatalogDetail | null> {
    const row = await db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [languages, tests] = await Promise.all([
      db.selectFrom('problemLanguages').select(['language', 'starterCode']).where('problemId', '=', id).orderBy('language').execute(),
      db.selectFrom('testCases').select(['id', 'input', 'expectedOutput', 'isSample', 'transcript']).where('problemId', '=', id).orderBy('ordinal').orderBy('id').execute(),
    ]);
    const fields = toFields(row);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      category: fields.category,
      difficulty: row.difficulty,
      tags: fields.tags,
      style: row.style,
      languages: languages.map((l) => l.language as LanguageId),
      timedDurationSec: row.timedDurationSec,
      solvedCount: row.solvedCount,
      solved: null,
      statement: row.statement,
      timeLimitMs: row.timeLimitMs,
      memoryLimitKb: row.memoryLimitKb,
      checkerKind: fields.checker.kind,
      starterCode: languages.map((l) => ({ language: l.language as LanguageId, starterCode: l.starterCode })),
      sampleTests: tests.filter((t) => t.isSample).map((t) => ({
        id: t.id, input: t.input, expectedOutput: t.expectedOutput, ...(t.transcript !== null ? { transcript: t.transcript } : {}),
      })),
      hiddenTestCount: tests.filter((t) => !t.isSample).length,
      isPublished: Boolean(row.isPublished),
      ...(fields.scoring ? { scoring: fields.scoring } : {}),
    };
  }

  async function validate(body: ProblemUpsertBody): Promise<void> {
    checkProblemShape(body);
    if (!options.validator || body.solutions.length === 0) return;
    const failures = await options.validator(body);
    if (failures.length > 0) {
      const first = failures[0]!;
      const where = first.testNumber === null ? 'does not compile' : `fails test ${first.testNumber} (${first.verdict})`;
      throw new AppError('PROBLEM_INVALID', `The ${LANGUAGES[first.language].name} reference solution ${where}.`, failures);
    }
  }

  async function writeParts(trx: Kysely<Database>, problemId: number, body: ProblemUpsertBody): Promise<void> {
    await trx.deleteFrom('problemLanguages').where('problemId', '=', problemId).execute();
    await trx.deleteFrom('testCases').where('problemId', '=', problemId).execute();
    await trx.deleteFrom('referenceSolutions').where('problemId', '=', problemId).execute();
    await trx.insertInto('problemLanguages').values(body.languages.map((l) => ({ problemId, ...l }))).execute();
    for (const [ordinal, test] of body.tests.entries()) {
      await trx.insertInto('testCases').values({ problemId, ordinal, ...testRow(test) }).execute();
    }
    if (body.solutions.length > 0) {
      await trx.insertInto('referenceSolutions').values(body.solutions.map((s) => ({ problemId, ...s }))).execute();
    }
  }

  function testRow(test: TestCaseInput) {
    return {
      input: test.input, expectedOutput: test.expectedOutput, isSample: test.isSample ? 1 : 0, weight: test.weight,
      groupName: test.group ?? null, transcript: test.transcript ?? null,
    };
  }

  async function invalidate(): Promise<void> {
    await deps.cache.deletePrefix('problems:');
  }

  async function mutate<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    try {
      const result = await db.transaction().execute(work);
      await invalidate();
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('SLUG_TAKEN');
      throw error;
    }
  }

  const json = createProblemJson();
  const archive = createProblemArchive(db, { now: () => clock.now(), invalidate });

  /** An archived problem stays hidden until restored: publishing it is refused rather than silently ignored. */
  async function checkNotPublishingArchived(id: number, body: ProblemUpsertBody): Promise<void> {
    if (body.problem.isPublished && (await archive.archivedAt(id)) !== null) {
      throw new AppError('PROBLEM_ARCHIVED', 'This problem is archived; restore it before publishing it.');
    }
  }

  const service = {
    list: (query: ProblemListQuery, actor: Actor | null) => cachedProblemList(deps, query, actor),

    /** The list as response bytes from the cache (hot path); null: use `list` (e.g. "only what I solved"). */
    listJson: (query: ProblemListQuery, actor: Actor | null) => cachedProblemListJson(deps, json, query, actor),

    /** Acceptance counts per problem and the caller's attempted problems (GET /api/problems/stats). */
    stats: (actor: Actor | null) => problemStats(deps, actor),

    async meta() {
      const rows = await db.selectFrom('problems').select(['tags', 'category']).where('isPublished', '=', 1).execute();
      const tags = [...new Set(rows.flatMap((r) => parseTags(r.tags)))].sort();
      // The usual categories, then any an author added (categories are free entry, not a fixed list).
      const added = [...new Set(rows.map((r) => r.category))].filter((c) => !(CATEGORIES as readonly string[]).includes(c)).sort();
      return { categories: [...CATEGORIES, ...added], difficulties: [...DIFFICULTIES], tags, languages: Object.values(LANGUAGES) };
    },

    /** What a student (or anyone) sees: sample tests only; no drivers, no hidden tests, no solutions. */
    async detail(id: number, actor: Actor | null, options: { viaAssessment?: boolean } = {}): Promise<ProblemCatalogDetail> {
      const detail = await cachedProblemDetail(deps, id, actor, loadDetail);
      // An assessment may use an unpublished problem: its students see it there (the caller checked the attempt).
      if (!detail || (!detail.isPublished && !isStaff(actor) && !options.viaAssessment)) throw new AppError('NOT_FOUND', 'No such problem.');
      return detail;
    },

    /** `detail` as response bytes with the route's `proctored` flag; NOT_FOUND as in `detail`. */
    async detailJson(id: number, actor: Actor | null, options: { proctored: boolean | Promise<boolean>; viaAssessment?: boolean }) {
      const body = await cachedProblemDetailJson(deps, json, id, actor, options, loadDetail);
      if (!body) throw new AppError('NOT_FOUND', 'No such problem.');
      return body;
    },

    getAdmin: (id: number) => loadAdmin(id),

    /** `trusted`: skip running the reference solutions (the bundled seed data, which its own tests judge). */
    async create(body: ProblemUpsertBody, actor: Actor, options: { trusted?: boolean } = {}): Promise<ProblemAdmin> {
      if (options.trusted) checkProblemShape(body);
      else await validate(body);
      const now = clock.now();
      const id = await mutate(async (trx) => {
        const result = await trx
          .insertInto('problems')
          .values({ ...fieldsToRow(body.problem), createdBy: actor.userId, createdAtMs: now, updatedAtMs: now })
          .executeTakeFirstOrThrow();
        const problemId = Number(result.insertId);
        await writeParts(trx, problemId, body);
        return problemId;
      });
      return loadAdmin(id);
    },

    async update(id: number, body: ProblemUpsertBody): Promise<ProblemAdmin> {
      await loadAdmin(id);
      await checkNotPublishingArchived(id, body);
      await validate(body);
      await mutate(async (trx) => {
        await trx.updateTable('problems').set({ ...fieldsToRow(body.problem), updatedAtMs: clock.now() }).where('id', '=', id).execute();
        await writeParts(trx, id, body);
      });
      return loadAdmin(id);
    },

    /** Archives (hides; keeps every submission, attempt and pair); `purge` deletes one nothing refers to. */
    archive: (id: number) => archive.archive(id),
    restore: (id: number) => archive.restore(id),
    purge: (id: number) => archive.purge(id),

    /** Archived problems, newest first (the admin's list to restore or purge from). */
    async listArchived() {
      const rows = await db.selectFrom('problems').select(['id', 'slug', 'title', 'archivedAtMs'])
        .where('archivedAtMs', 'is not', null).orderBy('archivedAtMs', 'desc').orderBy('id', 'desc').limit(1000).execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, archivedAt: new Date(Number(r.archivedAtMs)).toISOString() }));
    },

    async exportPackage(id: number): Promise<ProblemPackage> {
      return toPackage(await loadAdmin(id));
    },

    importPackage(pkg: ProblemPackage, actor: Actor, options: { trusted?: boolean } = {}): Promise<ProblemAdmin> {
      const { format: _format, ...body } = pkg;
      return service.create(body, actor, options);
    },

    /** Adding, changing or removing one test re-validates the whole problem against its reference solutions. */
    async addTest(problemId: number, test: TestCaseInput): Promise<TestCase> {
      const current = toPackage(await loadAdmin(problemId));
      await validate({ ...current, tests: [...current.tests, test] });
      const ordinal = current.tests.length;
      const inserted = await mutate((trx) => trx.insertInto('testCases').values({ problemId, ordinal, ...testRow(test) }).executeTakeFirstOrThrow());
      return { id: Number(inserted.insertId), ordinal, ...test };
    },

    async updateTest(problemId: number, testId: number, test: TestCaseInput): Promise<TestCase> {
      const admin = await loadAdmin(problemId);
      const existing = admin.tests.find((t) => t.id === testId);
      if (!existing) throw new AppError('NOT_FOUND', 'No such test.');
      const current = toPackage(admin);
      await validate({ ...current, tests: admin.tests.map((t) => (t.id === testId ? test : t)) });
      await mutate((trx) => trx.updateTable('testCases').set(testRow(test)).where('id', '=', testId).execute());
      return { id: testId, ordinal: existing.ordinal, ...test };
    },

    async deleteTest(problemId: number, testId: number): Promise<void> {
      const admin = await loadAdmin(problemId);
      if (!admin.tests.some((t) => t.id === testId)) throw new AppError('NOT_FOUND', 'No such test.');
      const remaining = admin.tests.filter((t) => t.id !== testId);
      if (!remaining.some((t) => t.isSample)) throw new AppError('VALIDATION', 'A problem keeps at least one sample test.');
      await mutate((trx) => trx.deleteFrom('testCases').where('id', '=', testId).execute());
    },

    async putSolution(problemId: number, solution: ReferenceSolution): Promise<ReferenceSolution> {
      const current = toPackage(await loadAdmin(problemId));
      const solutions = [...current.solutions.filter((s) => s.language !== solution.language), solution];
      await validate({ ...current, solutions });
      await mutate(async (trx) => {
        await trx.deleteFrom('referenceSolutions').where('problemId', '=', problemId).where('language', '=', solution.language).execute();
        await trx.insertInto('referenceSolutions').values({ problemId, ...solution }).execute();
      });
      return solution;
    },

    async deleteSolution(problemId: number, language: LanguageId): Promise<void> {
      const result = await db.deleteFrom('referenceSolutions').where('problemId', '=', problemId).where('language', '=', language).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'No such solution.');
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('problems').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
  return service;
}
